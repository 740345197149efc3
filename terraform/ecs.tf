locals {
  # The task's two containers, keyed by role. Each port is the image's PORT
  # default (docker/Dockerfile), set again here so the task definition says it.
  containers = {
    widget = {
      port = 3000
      # Empty: the page calls the API on its own origin, which the load
      # balancer routes to the api container.
      environment = { BACKEND_URL = "" }
    }
    api = {
      port = 8000
      # The same limit WAF's body-over-api-limit rule enforces (waf.tf).
      environment = { MAX_BODY_BYTES = tostring(var.api_max_body_bytes) }
    }
  }

  # ECS Exec's SSM agent writes under these paths, so with a read-only root
  # file system each container gets them as writable task storage
  # (aws/containers-roadmap#1359).
  exec_agent_paths = {
    managed-agents = "/managed-agents"
    ssm-lib        = "/var/lib/amazon/ssm"
    ssm-log        = "/var/log/amazon/ssm"
  }

  # Seconds between SIGTERM and SIGKILL: above the servers' own drain
  # deadlines (qr-server's SHUTDOWN_TIMEOUT_MS, 10 s by default; the widget
  # server's 25 s), so a stop never cuts a response short. Also Fargate's
  # default.
  stop_timeout_seconds = 30

  # Fargate's CPU sizes and, for each, the memory it offers (MiB).
  fargate_memory = {
    "256"   = { min = 512, max = 2048, step = 512 }
    "512"   = { min = 1024, max = 4096, step = 1024 }
    "1024"  = { min = 2048, max = 8192, step = 1024 }
    "2048"  = { min = 4096, max = 16384, step = 1024 }
    "4096"  = { min = 8192, max = 30720, step = 1024 }
    "8192"  = { min = 16384, max = 61440, step = 4096 }
    "16384" = { min = 32768, max = 122880, step = 8192 }
  }
}

resource "aws_ecs_cluster" "this" {
  name = "QRCode-Cluster"

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

resource "aws_ecs_task_definition" "this" {
  family                   = "qr-code-task"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.task_cpu)
  memory                   = tostring(var.task_memory)
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = "X86_64" # deploy.yaml builds the images on x86-64 runners
  }

  dynamic "volume" {
    for_each = setproduct(keys(local.containers), keys(local.exec_agent_paths))
    content {
      name = "${volume.value[0]}-${volume.value[1]}"
    }
  }

  container_definitions = jsonencode([
    for name, container in local.containers : {
      name      = name
      image     = "${aws_ecr_repository.this[name].repository_url}:${var.image_tag}"
      essential = true

      portMappings = [{
        name          = name
        containerPort = container.port
        hostPort      = container.port
        protocol      = "tcp"
        appProtocol   = "http"
      }]

      environment = [
        # TRUST_PROXY_HOPS: the proxies in front of the servers (cdn.tf), so
        # each logs its viewer's address from X-Forwarded-For.
        for key, value in merge({ PORT = tostring(container.port), NODE_ENV = "production", TRUST_PROXY_HOPS = tostring(local.trusted_proxy_hops) }, container.environment) :
        { name = key, value = value }
      ]

      # The same probe as the image's HEALTHCHECK; ECS ignores the image's.
      healthCheck = {
        command     = ["CMD", "node", "/app/healthcheck.mjs"]
        interval    = 15
        timeout     = 5
        retries     = 3
        startPeriod = 10
      }

      # An init process (tini) as PID 1 reaps the ECS Exec agent's children
      # and forwards SIGTERM to node.
      linuxParameters = { initProcessEnabled = true }

      readonlyRootFilesystem = true
      mountPoints = [
        for volume, path in local.exec_agent_paths :
        { sourceVolume = "${name}-${volume}", containerPath = path, readOnly = false }
      ]

      stopTimeout = local.stop_timeout_seconds

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this[name].name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = name
        }
      }
    }
  ])
}

resource "aws_ecs_service" "this" {
  name             = var.name_prefix
  cluster          = aws_ecs_cluster.this.id
  task_definition  = aws_ecs_task_definition.this.arn
  desired_count    = var.desired_count
  launch_type      = "FARGATE"
  platform_version = "LATEST"

  enable_execute_command            = true
  health_check_grace_period_seconds = 30
  propagate_tags                    = "SERVICE"

  # Start the new task before stopping the old one; a deployment whose tasks
  # never turn healthy is rolled back to the last revision that did.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 200

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  network_configuration {
    subnets          = aws_subnet.public[*].id
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = true
  }

  dynamic "load_balancer" {
    for_each = local.containers
    content {
      target_group_arn = aws_lb_target_group.this[load_balancer.key].arn
      container_name   = load_balancer.key
      container_port   = load_balancer.value.port
    }
  }

  # A target group must belong to a load balancer's listener before a
  # service can register with it.
  depends_on = [aws_lb_listener.http, aws_lb_listener.https, aws_lb_listener_rule.api, aws_lb_listener_rule.widget, aws_iam_role_policy_attachment.execution]

  lifecycle {
    # Application Auto Scaling owns the running count after creation.
    ignore_changes = [desired_count]
  }
}
