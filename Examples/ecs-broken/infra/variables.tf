variable "ecr_registry" {
  type    = string
  default = "982081090398.dkr.ecr.us-east-1.amazonaws.com/agent-team"
}

variable "image_tag" {
  type    = string
  default = "latest"
}

variable "environment" {
  type    = string
  default = "production"
}
