resource "aws_ssm_parameter" "supabase_url" {
  name  = "/agent-team-${var.environment}/supabase/url"
  type  = "SecureString"
  value = "placeholder"
}

resource "aws_ssm_parameter" "supabase_secret_key" {
  name  = "/agent-team-${var.environment}/supabase/secret-key"
  type  = "SecureString"
  value = "placeholder"
}
