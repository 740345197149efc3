resource "aws_security_group" "alb" {
  name        = "${var.name_prefix}-alb"
  description = "Load balancer: HTTP and HTTPS from anywhere, out to the tasks only"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name_prefix}-alb" }
}

resource "aws_vpc_security_group_ingress_rule" "alb" {
  for_each = { http = 80, https = 443 }

  security_group_id = aws_security_group.alb.id
  description       = "${upper(each.key)} from anywhere"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = "0.0.0.0/0"
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  for_each = local.containers

  security_group_id            = aws_security_group.alb.id
  description                  = "To the ${each.key} container"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.tasks.id
}

resource "aws_security_group" "tasks" {
  name        = "${var.name_prefix}-tasks"
  description = "ECS tasks: container ports from the load balancer only"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name_prefix}-tasks" }
}

# The old design admitted the whole VPC; only the load balancer's group may
# reach the containers now.
resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  for_each = local.containers

  security_group_id            = aws_security_group.tasks.id
  description                  = "The ${each.key} container from the load balancer"
  ip_protocol                  = "tcp"
  from_port                    = each.value.port
  to_port                      = each.value.port
  referenced_security_group_id = aws_security_group.alb.id
}

# Everything the tasks call is HTTPS: ECR and its S3 layers, CloudWatch Logs,
# and the SSM messages endpoints of ECS Exec. DNS goes to the VPC resolver,
# which security groups do not filter.
resource "aws_vpc_security_group_egress_rule" "tasks_https" {
  security_group_id = aws_security_group.tasks.id
  description       = "HTTPS to AWS APIs (ECR, CloudWatch Logs, SSM messages)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
