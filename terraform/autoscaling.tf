resource "aws_appautoscaling_target" "service" {
  service_namespace  = "ecs"
  resource_id        = "service/${aws_ecs_cluster.this.name}/${aws_ecs_service.this.name}"
  scalable_dimension = "ecs:service:DesiredCount"
  min_capacity       = var.min_capacity
  max_capacity       = var.max_capacity
}

locals {
  # Two target-tracking policies: the service scales out when either asks,
  # and in only when both allow it. Requests are counted on the API's target
  # group: encoding is where a task spends its CPU; page loads are static.
  scaling_policies = {
    cpu = {
      metric         = "ECSServiceAverageCPUUtilization"
      target         = var.cpu_target_percent
      resource_label = null
    }
    requests = {
      metric         = "ALBRequestCountPerTarget"
      target         = var.requests_per_target
      resource_label = "${aws_lb.this.arn_suffix}/${aws_lb_target_group.this["api"].arn_suffix}"
    }
  }
}

resource "aws_appautoscaling_policy" "this" {
  for_each = local.scaling_policies

  name               = "${var.name_prefix}-${each.key}"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.service.service_namespace
  resource_id        = aws_appautoscaling_target.service.resource_id
  scalable_dimension = aws_appautoscaling_target.service.scalable_dimension

  target_tracking_scaling_policy_configuration {
    target_value = each.value.target
    # Out quickly on load; in slowly, so a dip between bursts keeps the tasks.
    scale_out_cooldown = 60
    scale_in_cooldown  = 300

    predefined_metric_specification {
      predefined_metric_type = each.value.metric
      resource_label         = each.value.resource_label
    }
  }
}
