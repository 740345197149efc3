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

locals {
  # With the CDN, a serving listener forwards only what carries the origin
  # secret (the rules below) and refuses the rest: a request that reached the
  # load balancer some other way than through our distribution.
  default_action = var.enable_cdn ? "fixed-response" : "forward"
}

resource "aws_lb_listener" "http" {
  load_balancer_arn = aws_lb.this.arn
  port              = 80
  protocol          = "HTTP"

  default_action {
    type             = local.https ? "redirect" : local.default_action
    target_group_arn = local.https || var.enable_cdn ? null : aws_lb_target_group.this["widget"].arn

    dynamic "redirect" {
      for_each = local.https ? [1] : []
      content {
        protocol    = "HTTPS"
        port        = "443"
        status_code = "HTTP_301"
      }
    }

    dynamic "fixed_response" {
      for_each = !local.https && var.enable_cdn ? [1] : []
      content {
        content_type = "text/plain"
        message_body = "Forbidden: this load balancer answers its CDN only.\n"
        status_code  = "403"
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
    type             = local.default_action
    target_group_arn = var.enable_cdn ? null : aws_lb_target_group.this["widget"].arn

    dynamic "fixed_response" {
      for_each = var.enable_cdn ? [1] : []
      content {
        content_type = "text/plain"
        message_body = "Forbidden: this load balancer answers its CDN only.\n"
        status_code  = "403"
      }
    }
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

  dynamic "condition" {
    for_each = var.enable_cdn ? [1] : []
    content {
      http_header {
        http_header_name = local.origin_secret_header
        values           = [var.cdn_origin_secret]
      }
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["api"].arn
  }
}

# With the CDN the default action refuses, so the page needs a rule of its
# own: everything else that carries the origin secret goes to the widget.
resource "aws_lb_listener_rule" "widget" {
  count = local.cdn

  listener_arn = local.serving_listener_arn
  priority     = 200

  condition {
    http_header {
      http_header_name = local.origin_secret_header
      values           = [var.cdn_origin_secret]
    }
  }

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this["widget"].arn
  }
}
