# The description stays as it was with the CDN on: changing it would replace
# the group, which the load balancer and the tasks' rules hold on to. The
# rules below say who may connect.
resource "aws_security_group" "alb" {
  name        = "${var.name_prefix}-alb"
  description = "Load balancer: HTTP and HTTPS from anywhere, out to the tasks only"
  vpc_id      = aws_vpc.this.id

  tags = { Name = "${var.name_prefix}-alb" }
}

# Without the CDN: the internet on both ports, as before the CDN.
resource "aws_vpc_security_group_ingress_rule" "alb" {
  for_each = var.enable_cdn ? {} : { http = 80, https = 443 }

  security_group_id = aws_security_group.alb.id
  description       = "${upper(each.key)} from anywhere"
  ip_protocol       = "tcp"
  from_port         = each.value
  to_port           = each.value
  cidr_ipv4         = "0.0.0.0/0"
}

# With the CDN: CloudFront's origin-facing addresses only, on the one port
# its origin uses (443 with a certificate, where the HTTPS listener is; 80
# without). One rule: a rule naming a managed prefix list counts as many
# rules as the list's max_entries (about 55 for this one) against the
# group's quota of 60, so a second rule from it (80 and 443) would not fit.
resource "aws_vpc_security_group_ingress_rule" "alb_from_cloudfront" {
  count = local.cdn

  security_group_id = aws_security_group.alb.id
  description       = "${local.https ? "HTTPS" : "HTTP"} from CloudFront's origin-facing addresses"
  ip_protocol       = "tcp"
  from_port         = local.origin_port
  to_port           = local.origin_port
  prefix_list_id    = data.aws_ec2_managed_prefix_list.cloudfront[0].id
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
