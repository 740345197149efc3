# One run per input validation: each feeds one bad value and expects exactly
# that variable (or precondition) to refuse it.

mock_provider "aws" {
  override_during = plan
  source          = "./tests/mocks"
}

variables {
  image_tag = "3f2c1a9"
}

run "defaults_are_valid" {
  command = plan
}

run "region_must_be_a_region_code" {
  command = plan

  variables {
    aws_region = "US East"
  }

  expect_failures = [var.aws_region]
}

run "name_prefix_must_fit_resource_names" {
  command = plan

  variables {
    name_prefix = "QR_Code_Production_Environment"
  }

  expect_failures = [var.name_prefix]
}

run "image_tag_must_be_an_oci_tag" {
  command = plan

  variables {
    image_tag = "-not/a:tag"
  }

  expect_failures = [var.image_tag]
}

run "vpc_cidr_must_hold_two_subnets" {
  command = plan

  variables {
    vpc_cidr = "10.0.0.0/25"
  }

  expect_failures = [var.vpc_cidr]
}

run "task_cpu_must_be_a_fargate_size" {
  command = plan

  variables {
    task_cpu = 300
  }

  expect_failures = [var.task_cpu]
}

run "task_memory_must_suit_task_cpu" {
  command = plan

  variables {
    task_cpu    = 512
    task_memory = 512
  }

  expect_failures = [var.task_memory]
}

run "desired_count_within_capacity" {
  command = plan

  variables {
    desired_count = 5
  }

  expect_failures = [var.desired_count]
}

run "min_capacity_at_least_one" {
  command = plan

  variables {
    min_capacity  = 0
    desired_count = 1
  }

  expect_failures = [var.min_capacity]
}

run "max_capacity_bounded" {
  command = plan

  variables {
    max_capacity = 101
  }

  expect_failures = [var.max_capacity]
}

run "cpu_target_percent_in_range" {
  command = plan

  variables {
    cpu_target_percent = 95
  }

  expect_failures = [var.cpu_target_percent]
}

run "requests_per_target_positive" {
  command = plan

  variables {
    requests_per_target = 0
  }

  expect_failures = [var.requests_per_target]
}

run "certificate_arn_must_be_acm" {
  command = plan

  variables {
    certificate_arn = "arn:aws:iam::123456789012:server-certificate/qr"
  }

  expect_failures = [var.certificate_arn]
}

run "log_retention_must_be_a_cloudwatch_value" {
  command = plan

  variables {
    log_retention_days = 10
  }

  expect_failures = [var.log_retention_days]
}

run "images_to_keep_positive" {
  command = plan

  variables {
    images_to_keep = 0
  }

  expect_failures = [var.images_to_keep]
}

run "needs_two_availability_zones" {
  command = plan

  override_data {
    target          = data.aws_availability_zones.available
    override_during = plan
    values          = { names = ["us-east-1a"] }
  }

  expect_failures = [aws_subnet.public]
}
