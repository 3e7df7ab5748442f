#!/usr/bin/env python3
"""Seeds a moto server with the SSM parameters and ECS services the live AWS probe tests expect.

    python3 Tests/Live/seed_aws.py MOTO_URL

SSM (us-east-1):
    /greenlight/prod/DATABASE_URL   SecureString, a realistic PostgreSQL URL
    /greenlight/prod/SUPABASE_URL   String, a realistic project URL
    /greenlight/prod/API_KEY        SecureString "placeholder" (never filled in)
ECS cluster greenlight-prod:
    task definition api     secrets DATABASE_URL and SUPABASE_URL from SSM
    task definition worker  secret DATABASE_URL only
    service api (desired 2) and service worker (desired 3); moto runs with
    MOTO_ECS_SERVICE_RUNNING=2, so api is stable and worker runs 2 of 3
    one worker task, stopped with "Essential container in task exited"

Prints KEY=VALUE lines on stdout (appended to the live test environment).
"""
import json
import sys

import boto3

REGION = "us-east-1"
ACCOUNT = "123456789012"
CLUSTER = "greenlight-prod"
STOPPED_REASON = "Essential container in task exited"


def client(service, url):
    return boto3.client(
        service,
        endpoint_url=url,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def parameter_arn(name):
    return f"arn:aws:ssm:{REGION}:{ACCOUNT}:parameter{name}"


def seed_ssm(ssm):
    ssm.put_parameter(
        Name="/greenlight/prod/DATABASE_URL",
        Type="SecureString",
        Value="postgresql://app:Vq7rT2mK9xLp4sWz@db.internal.example.com:5432/app",
        Overwrite=True,
    )
    ssm.put_parameter(
        Name="/greenlight/prod/SUPABASE_URL",
        Type="String",
        Value="https://qwkzmtrpxbvnhdsl.supabase.co",
        Overwrite=True,
    )
    ssm.put_parameter(
        Name="/greenlight/prod/API_KEY",
        Type="SecureString",
        Value="placeholder",
        Overwrite=True,
    )


def container(name, secrets):
    return {
        "name": name,
        "image": f"registry.example.com/greenlight/{name}:1.4.2",
        "memory": 512,
        "essential": True,
        "secrets": [{"name": secret, "valueFrom": parameter_arn(f"/greenlight/prod/{secret}")} for secret in secrets],
    }


def seed_ecs(ecs):
    ecs.create_cluster(clusterName=CLUSTER)
    api = ecs.register_task_definition(family="api", containerDefinitions=[container("api", ["DATABASE_URL", "SUPABASE_URL"])])
    worker = ecs.register_task_definition(family="worker", containerDefinitions=[container("worker", ["DATABASE_URL"])])
    api_arn = api["taskDefinition"]["taskDefinitionArn"]
    worker_arn = worker["taskDefinition"]["taskDefinitionArn"]
    ecs.create_service(cluster=CLUSTER, serviceName="api", taskDefinition=api_arn, desiredCount=2)
    ecs.create_service(cluster=CLUSTER, serviceName="worker", taskDefinition=worker_arn, desiredCount=3)

    # A task needs a container instance to run on; register a made-up one.
    ec2 = boto3.client("ec2", endpoint_url=ecs.meta.endpoint_url, region_name=REGION,
                       aws_access_key_id="testing", aws_secret_access_key="testing")
    image = ec2.describe_images()["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]
    document = {
        "accountId": ACCOUNT,
        "region": REGION,
        "instanceId": instance["InstanceId"],
        "instanceType": "t3.medium",
        "imageId": image,
        "availabilityZone": f"{REGION}a",
        "privateIp": "10.0.1.17",
        "pendingTime": "2026-01-01T00:00:00Z",
        "architecture": "x86_64",
    }
    ecs.register_container_instance(cluster=CLUSTER, instanceIdentityDocument=json.dumps(document))
    started = ecs.run_task(cluster=CLUSTER, taskDefinition=worker_arn, count=1, startedBy="ecs-svc/worker")
    task_arn = started["tasks"][0]["taskArn"]
    ecs.stop_task(cluster=CLUSTER, task=task_arn, reason=STOPPED_REASON)
    return task_arn


def main():
    if len(sys.argv) != 2:
        print("usage: seed_aws.py MOTO_URL", file=sys.stderr)
        return 2
    url = sys.argv[1]
    seed_ssm(client("ssm", url))
    task_arn = seed_ecs(client("ecs", url))
    print(f"GREENLIGHT_LIVE_ECS_CLUSTER={CLUSTER}")
    print(f"GREENLIGHT_LIVE_ECS_STOPPED_TASK={task_arn}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
