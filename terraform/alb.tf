locals {
  https = var.certificate_arn != ""
  # The listener that carries traffic: HTTPS when there is a certificate,
  # HTTP (which then only redirects) otherwise.
  serving_listener_arn = local.https ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn
}

resource "aws_lb" "this" {
  name               = "${var.name_prefix}-alb"
  load_balancer_type = "application"
  internal           = false
  security_groups    = [aws_security_group.alb.id]
  subnets            = aws_subnet.public[*].id

  # Requests with header names that are not valid HTTP tokens are dropped
  # rather than passed on to Node's parser.
  drop_invalid_header_fields = true
  # Below the servers' keepAliveTimeout (65 s), so the load balancer, not the
  # server, closes an idle connection and never sends on a socket the server
  # is closing (a 502).
  idle_timeout = 60
}

resource "aws_lb_target_group" "this" {
  for_each = local.containers

  name        = "${var.name_prefix}-${each.key}"
  port        = each.value.port
  protocol    = "HTTP"
  target_type = "ip" # awsvpc tasks register by their ENI's address
  vpc_id      = aws_vpc.this.id

  # Requests take milliseconds; the servers drain their own in-flight work
  # on SIGTERM, so there is no reason to hold a stopping task for 300 s.
  deregistration_delay = 15

  health_check {
    path                = "/healthz"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https ? "redirect" : "forward"
    target_group_arn = local.https ? null : aws_lb_target_group.this["widget"].arn

    dynamic "redirect" {
      for_each = local.https ? [1] : []
      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }
  }
}

resource "aws_lb_listener" "https" {
  count = local.https ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = 443
  protocol          = "HTTPS"
  # TLS 1.3 and 1.2 with forward-secret ciphers only.
  ssl_policy      = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  certificate_arn = var.certificate_arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["widget"].arn
  }
}

# The page is the default; the API answers under /generate_qr (with and
# without the trailing slash, as the original FastAPI route did).
resource "aws_lb_listener_rule" "api" {
  listener_arn = local.serving_listener_arn
  priority     = 100

  condition {
    path_pattern {
      values = ["/generate_qr", "/generate_qr/*"]
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["api"].arn
  }
}
