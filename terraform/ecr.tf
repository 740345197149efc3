resource "aws_ecr_repository" "this" {
  for_each = local.containers

  name = "${var.name_prefix}-${each.key}"
  # A tag (the commit SHA) always names the same build, so a task definition
  # revision, and a rollback to it, runs exactly what was tested.
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "this" {
  for_each = aws_ecr_repository.this

  repository = each.value.name
  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Expire untagged images (interrupted pushes) after a week"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 7
        }
        action = { type = "expire" }
      },
      {
        # A rule on "any" tag status must come last (highest priority number).
        rulePriority = 2
        description  = "Keep the newest ${var.images_to_keep} images for rollbacks"
        selection = {
          tagStatus   = "any"
          countType   = "imageCountMoreThan"
          countNumber = var.images_to_keep
        }
        action = { type = "expire" }
      },
    ]
  })
}
