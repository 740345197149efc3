# Plan-time assertions on what the configuration creates, against a mocked
# AWS provider: no credentials, no network, nothing created.
#
# With enable_cdn = false: the stack as it was before the CDN, which these
# runs pinned down then and still do (cdn.tftest.hcl covers the CDN, and
# "no_cdn_resources" below that nothing of it is planned here).

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

mock_provider "aws" {
  alias           = "us_east_1"
  override_during = plan
  source          = "./tests/mocks/us-east-1"
}

variables {
  image_tag  = "3f2c1a9"
  enable_cdn = false
}

# Distinct identifiers for resources of one type, so that wiring to the
# wrong one fails an assertion.

override_resource {
  target          = aws_subnet.public[0]
  override_during = plan
  values          = { id = "subnet-0a00000000000000a" }
}

override_resource {
  target          = aws_subnet.public[1]
  override_during = plan
  values          = { id = "subnet-0b00000000000000b" }
}

override_resource {
  target          = aws_security_group.alb
  override_during = plan
  values          = { id = "sg-0a00000000000000a" }
}

override_resource {
  target          = aws_security_group.tasks
  override_during = plan
  values          = { id = "sg-0b00000000000000b" }
}

override_resource {
  target          = aws_lb_target_group.this["widget"]
  override_during = plan
  values = {
    arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/qr-code-widget/1111111111111111"
    arn_suffix = "targetgroup/qr-code-widget/1111111111111111"
  }
}

override_resource {
  target          = aws_lb_target_group.this["api"]
  override_during = plan
  values = {
    arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/qr-code-api/2222222222222222"
    arn_suffix = "targetgroup/qr-code-api/2222222222222222"
  }
}

override_resource {
  target          = aws_lb_listener.https
  override_during = plan
  values          = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/qr-code-alb/50dc6c495c0c9188/4444444444444444" }
}

override_resource {
  target          = aws_iam_role.task
  override_during = plan
  values = {
    id  = "qr-code-task"
    arn = "arn:aws:iam::123456789012:role/qr-code-task"
  }
}

run "network" {
  command = plan

  assert {
    condition     = aws_vpc.this.cidr_block == "10.0.0.0/16" && aws_vpc.this.enable_dns_support && aws_vpc.this.enable_dns_hostnames
    error_message = "The VPC must be 10.0.0.0/16 with DNS support and DNS host names."
  }

  assert {
    condition     = jsonencode(aws_subnet.public[*].cidr_block) == jsonencode(["10.0.0.0/24", "10.0.1.0/24"])
    error_message = "The public subnets must be the VPC's first two /24s."
  }

  assert {
    condition     = jsonencode(aws_subnet.public[*].availability_zone) == jsonencode(["us-east-1a", "us-east-1b"])
    error_message = "The public subnets must lie in two distinct availability zones, taken from the region's list."
  }

  assert {
    condition     = alltrue([for subnet in aws_subnet.public : subnet.vpc_id == aws_vpc.this.id])
    error_message = "The subnets must belong to the VPC."
  }

  assert {
    condition     = aws_internet_gateway.this.vpc_id == aws_vpc.this.id
    error_message = "The internet gateway must be attached to the VPC."
  }

  assert {
    condition     = one(aws_route_table.public.route).cidr_block == "0.0.0.0/0" && one(aws_route_table.public.route).gateway_id == aws_internet_gateway.this.id
    error_message = "The public route table must send 0.0.0.0/0 to the internet gateway."
  }

  assert {
    condition = (
      jsonencode(aws_route_table_association.public[*].subnet_id) == jsonencode(aws_subnet.public[*].id) &&
      alltrue([for association in aws_route_table_association.public : association.route_table_id == aws_route_table.public.id])
    )
    error_message = "Both public subnets must be associated with the public route table."
  }
}

run "security_groups" {
  command = plan

  assert {
    condition = alltrue([
      for name, port in { http = 80, https = 443 } :
      aws_vpc_security_group_ingress_rule.alb[name].from_port == port &&
      aws_vpc_security_group_ingress_rule.alb[name].to_port == port &&
      aws_vpc_security_group_ingress_rule.alb[name].ip_protocol == "tcp" &&
      aws_vpc_security_group_ingress_rule.alb[name].cidr_ipv4 == "0.0.0.0/0" &&
      aws_vpc_security_group_ingress_rule.alb[name].security_group_id == aws_security_group.alb.id
    ])
    error_message = "The load balancer must accept TCP 80 and 443 from anywhere."
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.alb) == 2
    error_message = "The load balancer must accept nothing but 80 and 443."
  }

  assert {
    condition = alltrue([
      for name, port in { widget = 3000, api = 8000 } :
      aws_vpc_security_group_ingress_rule.tasks_from_alb[name].from_port == port &&
      aws_vpc_security_group_ingress_rule.tasks_from_alb[name].to_port == port &&
      aws_vpc_security_group_ingress_rule.tasks_from_alb[name].referenced_security_group_id == aws_security_group.alb.id &&
      aws_vpc_security_group_ingress_rule.tasks_from_alb[name].cidr_ipv4 == null &&
      aws_vpc_security_group_ingress_rule.tasks_from_alb[name].security_group_id == aws_security_group.tasks.id
    ])
    error_message = "The tasks must accept 3000 and 8000 from the load balancer's security group only."
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.tasks_from_alb) == 2
    error_message = "The tasks must accept nothing but the two container ports."
  }

  assert {
    condition = alltrue([
      for name, port in { widget = 3000, api = 8000 } :
      aws_vpc_security_group_egress_rule.alb_to_tasks[name].from_port == port &&
      aws_vpc_security_group_egress_rule.alb_to_tasks[name].referenced_security_group_id == aws_security_group.tasks.id
    ])
    error_message = "The load balancer may send only to the tasks' container ports."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.tasks_https.from_port == 443 && aws_vpc_security_group_egress_rule.tasks_https.to_port == 443
    error_message = "The tasks' only egress is HTTPS, for ECR, CloudWatch Logs and ECS Exec."
  }
}

run "load_balancer_http_only" {
  command = plan

  assert {
    condition     = aws_lb.this.load_balancer_type == "application" && !aws_lb.this.internal && length(aws_lb.this.subnets) == 2
    error_message = "The load balancer must be an internet-facing ALB in both public subnets."
  }

  assert {
    condition     = aws_lb.this.drop_invalid_header_fields
    error_message = "The load balancer must drop invalid header fields."
  }

  assert {
    condition     = aws_lb.this.idle_timeout == 60
    error_message = "The idle time-out must be 60 s, below the servers' 65 s keep-alive."
  }

  assert {
    condition = alltrue([
      for name, port in { widget = 3000, api = 8000 } :
      aws_lb_target_group.this[name].port == port &&
      aws_lb_target_group.this[name].protocol == "HTTP" &&
      aws_lb_target_group.this[name].target_type == "ip" &&
      aws_lb_target_group.this[name].vpc_id == aws_vpc.this.id
    ])
    error_message = "There must be an ip target group for the widget on 3000 and one for the API on 8000."
  }

  assert {
    condition = alltrue([
      for group in aws_lb_target_group.this :
      one(group.health_check).path == "/healthz" && one(group.health_check).matcher == "200"
    ])
    error_message = "Both target groups must check /healthz for a 200."
  }

  assert {
    condition     = alltrue([for group in aws_lb_target_group.this : tonumber(group.deregistration_delay) <= 30])
    error_message = "The deregistration delay must be short (30 s at most), not the 300 s default."
  }

  assert {
    condition = (
      aws_lb_listener.http.port == 80 &&
      aws_lb_listener.http.default_action[0].type == "forward" &&
      aws_lb_listener.http.default_action[0].target_group_arn == aws_lb_target_group.this["widget"].arn
    )
    error_message = "Without a certificate, port 80 must forward to the widget by default."
  }

  assert {
    condition     = length(aws_lb_listener.https) == 0
    error_message = "Without a certificate there must be no HTTPS listener."
  }

  assert {
    condition = (
      aws_lb_listener_rule.api.listener_arn == aws_lb_listener.http.arn &&
      toset(one(one(aws_lb_listener_rule.api.condition).path_pattern).values) == toset(["/generate_qr", "/generate_qr/*"]) &&
      aws_lb_listener_rule.api.action[0].type == "forward" &&
      aws_lb_listener_rule.api.action[0].target_group_arn == aws_lb_target_group.this["api"].arn
    )
    error_message = "/generate_qr and /generate_qr/* must go to the API's target group."
  }

  assert {
    condition     = output.alb_url == "http://qr-code-alb-1234567890.us-east-1.elb.amazonaws.com"
    error_message = "alb_url must be the load balancer's http:// address."
  }
}

run "load_balancer_https" {
  command = plan

  variables {
    certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
  }

  assert {
    condition = (
      aws_lb_listener.https[0].port == 443 &&
      aws_lb_listener.https[0].protocol == "HTTPS" &&
      aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06" &&
      aws_lb_listener.https[0].certificate_arn == var.certificate_arn &&
      aws_lb_listener.https[0].default_action[0].target_group_arn == aws_lb_target_group.this["widget"].arn
    )
    error_message = "With a certificate, 443 must serve TLS 1.3/1.2 and forward to the widget by default."
  }

  assert {
    condition = (
      aws_lb_listener.http.default_action[0].type == "redirect" &&
      one(aws_lb_listener.http.default_action[0].redirect).protocol == "HTTPS" &&
      one(aws_lb_listener.http.default_action[0].redirect).port == "443" &&
      one(aws_lb_listener.http.default_action[0].redirect).status_code == "HTTP_301"
    )
    error_message = "With a certificate, port 80 must redirect to HTTPS."
  }

  assert {
    condition     = aws_lb_listener_rule.api.listener_arn == aws_lb_listener.https[0].arn
    error_message = "With a certificate, the API rule must sit on the HTTPS listener."
  }

  assert {
    condition     = startswith(output.alb_url, "https://")
    error_message = "With a certificate, alb_url must be https://."
  }
}

run "iam" {
  command = plan

  assert {
    condition = (
      aws_iam_role_policy_attachment.execution.role == aws_iam_role.execution.name &&
      aws_iam_role_policy_attachment.execution.policy_arn == "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
    )
    error_message = "The execution role must carry AmazonECSTaskExecutionRolePolicy."
  }

  assert {
    condition = alltrue([
      for role in [aws_iam_role.execution, aws_iam_role.task] :
      jsondecode(role.assume_role_policy).Statement[0].Principal.Service == "ecs-tasks.amazonaws.com" &&
      jsondecode(role.assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "123456789012"
    ])
    error_message = "Only this account's ECS tasks may assume the roles."
  }

  assert {
    condition = (
      aws_iam_role_policy.ecs_exec.role == aws_iam_role.task.id &&
      toset(jsondecode(aws_iam_role_policy.ecs_exec.policy).Statement[0].Action) == toset([
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ]) &&
      length(jsondecode(aws_iam_role_policy.ecs_exec.policy).Statement) == 1
    )
    error_message = "The task role may do nothing but open ECS Exec's SSM message channels."
  }
}

run "logs" {
  command = plan

  assert {
    condition = alltrue([
      for name in ["widget", "api"] :
      aws_cloudwatch_log_group.this[name].name == "/ecs/qr-code/${name}" &&
      aws_cloudwatch_log_group.this[name].retention_in_days == 30
    ])
    error_message = "Each container must have its own log group with a retention."
  }
}

run "task_definition" {
  command = plan

  assert {
    condition = (
      aws_ecs_task_definition.this.family == "qr-code-task" &&
      aws_ecs_task_definition.this.network_mode == "awsvpc" &&
      toset(aws_ecs_task_definition.this.requires_compatibilities) == toset(["FARGATE"]) &&
      aws_ecs_task_definition.this.cpu == "512" &&
      aws_ecs_task_definition.this.memory == "1024"
    )
    error_message = "The task definition must be qr-code-task, awsvpc on Fargate, 512 CPU units and 1024 MiB."
  }

  assert {
    condition = (
      aws_ecs_task_definition.this.execution_role_arn == aws_iam_role.execution.arn &&
      aws_ecs_task_definition.this.task_role_arn == aws_iam_role.task.arn
    )
    error_message = "The task definition must use the execution role and the task role."
  }

  assert {
    condition     = toset([for c in jsondecode(aws_ecs_task_definition.this.container_definitions) : c.name]) == toset(["widget", "api"])
    error_message = "The task must run the widget and the API containers."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      c.portMappings[0].containerPort == { widget = 3000, api = 8000 }[c.name] &&
      length(c.portMappings) == 1 &&
      c.image == "123456789012.dkr.ecr.us-east-1.amazonaws.com/qr-code:3f2c1a9" &&
      c.essential
    ])
    error_message = "Each container must map its port (widget 3000, API 8000) and run its repository's image at image_tag."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      c.healthCheck.command == ["CMD", "node", "/app/healthcheck.mjs"] &&
      c.linuxParameters.initProcessEnabled &&
      c.readonlyRootFilesystem &&
      c.stopTimeout > 25 && c.stopTimeout <= 30
    ])
    error_message = "Each container needs a health check, an init process, a read-only root and a stop time-out above the servers' drain deadlines (25 s at most) and at most 30 s."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      c.logConfiguration.logDriver == "awslogs" &&
      c.logConfiguration.options["awslogs-group"] == aws_cloudwatch_log_group.this[c.name].name &&
      c.logConfiguration.options["awslogs-region"] == "us-east-1" &&
      c.logConfiguration.options["awslogs-stream-prefix"] == c.name
    ])
    error_message = "Each container must log through awslogs to its own log group."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      { for e in c.environment : e.name => e.value } == merge(
        { PORT = tostring({ widget = 3000, api = 8000 }[c.name]), NODE_ENV = "production", TRUST_PROXY_HOPS = "1" },
        c.name == "widget" ? { BACKEND_URL = "" } : { MAX_BODY_BYTES = "368640" }
      )
    ])
    error_message = "Each container gets its PORT, NODE_ENV=production and TRUST_PROXY_HOPS=1 (the load balancer alone, without the CDN); the widget gets an empty BACKEND_URL (same origin), the API MAX_BODY_BYTES from api_max_body_bytes."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      toset([for m in c.mountPoints : m.containerPath]) == toset(["/managed-agents", "/var/lib/amazon/ssm", "/var/log/amazon/ssm"]) &&
      alltrue([for m in c.mountPoints : contains(aws_ecs_task_definition.this.volume[*].name, m.sourceVolume) && startswith(m.sourceVolume, "${c.name}-")])
    ])
    error_message = "ECS Exec's agent paths must be writable volumes of each container's own."
  }
}

run "service" {
  command = plan

  assert {
    condition = (
      aws_ecs_cluster.this.name == "QRCode-Cluster" &&
      one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    )
    error_message = "The cluster must be QRCode-Cluster with Container Insights."
  }

  assert {
    condition = (
      aws_ecs_service.this.cluster == aws_ecs_cluster.this.id &&
      aws_ecs_service.this.task_definition == aws_ecs_task_definition.this.arn &&
      aws_ecs_service.this.desired_count == 1 &&
      aws_ecs_service.this.launch_type == "FARGATE" &&
      aws_ecs_service.this.enable_execute_command
    )
    error_message = "The service must run one Fargate task of the task definition with ECS Exec enabled."
  }

  assert {
    condition = (
      one(aws_ecs_service.this.network_configuration).assign_public_ip &&
      toset(one(aws_ecs_service.this.network_configuration).subnets) == toset(aws_subnet.public[*].id) &&
      toset(one(aws_ecs_service.this.network_configuration).security_groups) == toset([aws_security_group.tasks.id])
    )
    error_message = "Tasks must run in the public subnets with a public IP and the tasks' security group."
  }

  assert {
    condition = (
      one(aws_ecs_service.this.deployment_circuit_breaker).enable &&
      one(aws_ecs_service.this.deployment_circuit_breaker).rollback
    )
    error_message = "The deployment circuit breaker must be on, with rollback."
  }

  assert {
    condition = toset([
      for lb in aws_ecs_service.this.load_balancer : "${lb.container_name}:${lb.container_port}:${lb.target_group_arn}"
      ]) == toset([
      for name, port in { widget = 3000, api = 8000 } : "${name}:${port}:${aws_lb_target_group.this[name].arn}"
    ])
    error_message = "Both containers must be registered with their target groups."
  }
}

run "autoscaling" {
  command = plan

  assert {
    condition = (
      aws_appautoscaling_target.service.service_namespace == "ecs" &&
      aws_appautoscaling_target.service.scalable_dimension == "ecs:service:DesiredCount" &&
      aws_appautoscaling_target.service.resource_id == "service/QRCode-Cluster/qr-code" &&
      aws_appautoscaling_target.service.min_capacity == 1 &&
      aws_appautoscaling_target.service.max_capacity == 4
    )
    error_message = "The service's desired count must scale between min_capacity and max_capacity."
  }

  assert {
    condition = (
      aws_appautoscaling_policy.this["cpu"].policy_type == "TargetTrackingScaling" &&
      one(one(aws_appautoscaling_policy.this["cpu"].target_tracking_scaling_policy_configuration).predefined_metric_specification).predefined_metric_type == "ECSServiceAverageCPUUtilization" &&
      one(aws_appautoscaling_policy.this["cpu"].target_tracking_scaling_policy_configuration).target_value == 60
    )
    error_message = "One policy must track the service's average CPU at cpu_target_percent."
  }

  assert {
    condition = (
      aws_appautoscaling_policy.this["requests"].policy_type == "TargetTrackingScaling" &&
      one(one(aws_appautoscaling_policy.this["requests"].target_tracking_scaling_policy_configuration).predefined_metric_specification).predefined_metric_type == "ALBRequestCountPerTarget" &&
      one(one(aws_appautoscaling_policy.this["requests"].target_tracking_scaling_policy_configuration).predefined_metric_specification).resource_label == "${aws_lb.this.arn_suffix}/${aws_lb_target_group.this["api"].arn_suffix}" &&
      one(aws_appautoscaling_policy.this["requests"].target_tracking_scaling_policy_configuration).target_value == 30000
    )
    error_message = "One policy must track ALB requests per target on the API's target group, at requests_per_target: 30,000 a minute by default (terraform/README.md's capacity plan: 500 req/s per task)."
  }

  assert {
    condition = length(aws_appautoscaling_policy.this) == 2 && alltrue([
      for policy in aws_appautoscaling_policy.this :
      policy.resource_id == aws_appautoscaling_target.service.resource_id && policy.scalable_dimension == "ecs:service:DesiredCount"
    ])
    error_message = "Exactly the two policies, both scaling the service's desired count."
  }
}

run "ecr" {
  command = plan

  assert {
    condition = alltrue([
      for name in ["widget", "api"] :
      aws_ecr_repository.this[name].name == "qr-code-${name}" &&
      aws_ecr_repository.this[name].image_tag_mutability == "IMMUTABLE" &&
      one(aws_ecr_repository.this[name].image_scanning_configuration).scan_on_push
    ])
    error_message = "Each image needs a repository with immutable tags and scan on push."
  }

  assert {
    condition = alltrue([
      for name in ["widget", "api"] :
      aws_ecr_lifecycle_policy.this[name].repository == aws_ecr_repository.this[name].name &&
      [for rule in jsondecode(aws_ecr_lifecycle_policy.this[name].policy).rules : rule.selection.tagStatus] == ["untagged", "any"] &&
      jsondecode(aws_ecr_lifecycle_policy.this[name].policy).rules[1].selection.countNumber == 30
    ])
    error_message = "Each repository's lifecycle policy must expire untagged images and keep the newest 30."
  }
}

run "no_cdn_resources" {
  command = plan

  assert {
    condition = (
      length(aws_cloudfront_distribution.this) == 0 &&
      length(aws_cloudfront_cache_policy.api) == 0 &&
      length(aws_cloudfront_cache_policy.static) == 0 &&
      length(aws_cloudfront_cache_policy.uncached) == 0 &&
      length(aws_cloudfront_origin_request_policy.api) == 0 &&
      length(aws_wafv2_web_acl.cdn) == 0 &&
      length(data.aws_ec2_managed_prefix_list.cloudfront) == 0 &&
      length(aws_vpc_security_group_ingress_rule.alb_from_cloudfront) == 0 &&
      length(aws_lb_listener_rule.widget) == 0
    )
    error_message = "With enable_cdn = false nothing of the CDN may be planned: no distribution, policies, web ACL, prefix-list rule or secret-checking rule."
  }

  assert {
    condition     = length(one(aws_lb_listener_rule.api.condition[*]).http_header) == 0 && length(aws_lb_listener_rule.api.condition) == 1
    error_message = "With enable_cdn = false the API rule matches on the path alone, with no origin-secret header."
  }

  assert {
    condition     = output.cdn_url == null && output.cdn_domain_name == null
    error_message = "With enable_cdn = false there is no CDN URL."
  }
}
