output "alb_url" {
  description = "Where the product answers: the load balancer's address (https when certificate_arn is set; point a DNS name on the certificate at alb_dns_name)."
  value       = "${local.https ? "https" : "http"}://${aws_lb.this.dns_name}"
}

output "alb_dns_name" {
  description = "DNS name of the load balancer, for a CNAME or Route 53 alias record."
  value       = aws_lb.this.dns_name
}

output "ecr_repository_urls" {
  description = "ECR repository URL of each image, keyed by role (api, widget); push IMAGE_TAG-tagged images here."
  value       = { for name, repository in aws_ecr_repository.this : name => repository.repository_url }
}

output "cluster_name" {
  description = "Name of the ECS cluster."
  value       = aws_ecs_cluster.this.name
}

output "service_name" {
  description = "Name of the ECS service (for `aws ecs wait services-stable` and `aws ecs execute-command`)."
  value       = aws_ecs_service.this.name
}

output "task_definition_arn" {
  description = "ARN of the task definition revision the service runs."
  value       = aws_ecs_task_definition.this.arn
}

output "log_group_names" {
  description = "CloudWatch log group of each container, keyed by role."
  value       = { for name, group in aws_cloudwatch_log_group.this : name => group.name }
}
