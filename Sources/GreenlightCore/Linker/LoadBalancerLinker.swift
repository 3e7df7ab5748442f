/// Finds the target groups in front of ECS services: `aws_ecs_service` resources
/// with `load_balancer` blocks in Terraform, `AWS::ECS::Service` `LoadBalancers`
/// in CloudFormation.
enum LoadBalancerLinker {
    static func link(_ services: inout [Service], terraform: [TerraformModule], templates: [CloudFormationTemplate]) {
        var byTask: [String: [(container: String, target: LoadBalancerTarget)]] = [:]
        for module in terraform {
            for ecsService in module.resources(ofType: "aws_ecs_service") {
                guard let taskReference = ecsService.value("task_definition"),
                      case .reference(let reference) = taskReference.value,
                      let taskAddress = SecretRefUnresolvedRule.address(ofReference: reference)
                else { continue }
                for block in ecsService.blocks(ofType: "load_balancer") {
                    func value(_ name: String) -> LocatedValue? {
                        block.body.attribute(name).map { ecsService.evaluate($0.expression) }
                    }
                    guard let containerName = value("container_name")?.value.stringValue,
                          let groupValue = value("target_group_arn"), case .reference(let groupReference) = groupValue.value,
                          let group = module.resolve(reference: groupReference)
                    else { continue }
                    var target = LoadBalancerTarget(targetGroup: group.address, targetGroupLocation: group.location, location: block.location)
                    if let port = value("container_port"), let number = port.value.intValue { target.containerPort = Located(number, at: port.location) }
                    if let port = group.value("port"), let number = port.value.intValue { target.port = Located(number, at: port.location) }
                    target.protocolName = string(group.value("protocol"))
                    target.protocolVersion = string(group.value("protocol_version"))
                    if let health = group.blocks(ofType: "health_check").first {
                        func healthValue(_ name: String) -> Located<String>? {
                            string(health.body.attribute(name).map { group.evaluate($0.expression) })
                        }
                        target.healthCheckPort = healthValue("port")
                        target.healthCheckProtocol = healthValue("protocol")
                        target.healthCheckPath = healthValue("path")
                    }
                    byTask[taskAddress, default: []].append((containerName, target))
                }
            }
        }
        for template in templates {
            for ecsService in template.services {
                guard let taskID = ecsService.taskDefinitionLogicalID else { continue }
                for link in ecsService.loadBalancers {
                    guard let containerName = link.containerName?.value, let groupID = link.targetGroupLogicalID,
                          let group = template.targetGroups.first(where: { $0.logicalID == groupID })
                    else { continue }
                    var target = LoadBalancerTarget(targetGroup: groupID, targetGroupLocation: group.location, location: link.location)
                    target.containerPort = link.containerPort
                    target.port = group.port
                    target.protocolName = group.protocol
                    target.protocolVersion = group.protocolVersion
                    target.healthCheckPort = group.healthCheckPort
                    target.healthCheckProtocol = group.healthCheckProtocol
                    target.healthCheckPath = group.healthCheckPath
                    byTask["\(template.path), \(taskID)", default: []].append((containerName, target))
                }
            }
        }
        guard !byTask.isEmpty else { return }
        for index in services.indices {
            guard let task = services[index].taskDefinition else { continue }
            let key: String
            switch task.source {
            case .terraform(let address): key = address
            case .cloudFormation(let path, let logicalID): key = "\(path), \(logicalID)"
            case .json: continue
            }
            services[index].loadBalancers = (byTask[key] ?? []).filter { $0.container == services[index].name }.map(\.target)
        }
    }

    private static func string(_ value: LocatedValue?) -> Located<String>? {
        guard let value, value.value.isKnown, let text = value.value.stringValue else { return nil }
        return Located(text, at: value.location)
    }
}
