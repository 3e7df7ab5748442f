resource "aws_ssm_parameter" "supabase_url" {
  name  = "/agent-team-${var.environment}/supabase/url"
  type  = "SecureString"
  value = var.supabase_url
}

resource "aws_ssm_parameter" "supabase_secret_key" {
  name  = "/agent-team-${var.environment}/supabase/secret-key"
  type  = "SecureString"
  value = var.supabase_secret_key
}

resource "aws_ssm_parameter" "openai_api_key" {
  name  = "/agent-team-${var.environment}/openai/api-key"
  type  = "SecureString"
  value = var.openai_api_key
}

resource "aws_ssm_parameter" "anthropic_api_key" {
  name  = "/agent-team-${var.environment}/anthropic/api-key"
  type  = "SecureString"
  value = var.anthropic_api_key
}
