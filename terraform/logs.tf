resource "aws_cloudwatch_log_group" "this" {
  for_each = local.containers

  name              = "/ecs/${var.name_prefix}/${each.key}"
  retention_in_days = var.log_retention_days
}
