output "cdn_url" {
  description = "Where the product answers: https:// and cdn_domain_name when set, else the distribution's *.cloudfront.net name. null with enable_cdn = false (then alb_url)."
  value       = var.enable_cdn ? "https://${var.cdn_domain_name != "" ? var.cdn_domain_name : aws_cloudfront_distribution.this[0].domain_name}" : null
}

output "alb_url" {
  description = "The load balancer's address (https when certificate_arn is set). With enable_cdn it answers only CloudFront (403 to anything without the origin secret, and its security group admits CloudFront alone); without, it is where the product answers (point a DNS name on the certificate at alb_dns_name)."
  value       = "${local.https ? "https" : "http"}://${aws_lb.this.dns_name}"
}

output "cdn_domain_name" {
  description = "The distribution's own *.cloudfront.net name: the target of a CNAME (or Route 53 alias) for cdn_domain_name; it answers too. null with enable_cdn = false."
  value       = var.enable_cdn ? aws_cloudfront_distribution.this[0].domain_name : null
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
