variable "ecr_registry" {
  type    = string
  default = "982081090398.dkr.ecr.us-east-1.amazonaws.com/agent-team"
}

variable "image_tag" {
  description = "The commit SHA the images were built from (terraform apply -var image_tag=$(git rev-parse HEAD))."
  type        = string
}

variable "environment" {
  type    = string
  default = "production"
}

variable "supabase_url" {
  type      = string
  sensitive = true
}

variable "supabase_secret_key" {
  type      = string
  sensitive = true
}

variable "openai_api_key" {
  type      = string
  sensitive = true
}

variable "anthropic_api_key" {
  type      = string
  sensitive = true
}
