data "aws_caller_identity" "current" {}

data "aws_partition" "current" {}

locals {
  # Only ECS tasks of this account may assume the roles (the confused-deputy
  # guard AWS recommends for ecs-tasks.amazonaws.com).
  ecs_tasks_assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = {
        StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
        ArnLike      = { "aws:SourceArn" = "arn:${data.aws_partition.current.partition}:ecs:${var.aws_region}:${data.aws_caller_identity.current.account_id}:*" }
      }
    }]
  })
}

# Used by ECS itself to start the task: pull the images, create log streams.
resource "aws_iam_role" "execution" {
  name               = "${var.name_prefix}-task-execution"
  description        = "ECS pulls ${var.name_prefix}'s images from ECR and writes its logs"
  assume_role_policy = local.ecs_tasks_assume_role_policy
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# Used by the running containers. The servers call no AWS API; the only
# permissions are the SSM messages channels that ECS Exec opens.
resource "aws_iam_role" "task" {
  name               = "${var.name_prefix}-task"
  description        = "${var.name_prefix}'s containers: ECS Exec sessions only"
  assume_role_policy = local.ecs_tasks_assume_role_policy
}

resource "aws_iam_role_policy" "ecs_exec" {
  name = "ecs-exec"
  role = aws_iam_role.task.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Action = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ]
      # These actions support no resource-level restriction.
      Resource = "*"
    }]
  })
}
