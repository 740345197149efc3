# One run per input validation: each feeds one bad value and expects exactly
# that variable (or precondition) to refuse it.

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
  image_tag         = "3f2c1a9"
  cdn_origin_secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
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

# The CDN's variables. Each plan is slow, so a run sets several bad values
# whose checks do not depend on one another, and expects each of them to
# refuse its own.

run "cdn_settings_must_be_valid" {
  command = plan

  variables {
    cdn_origin_secret       = ""
    cdn_price_class         = "PriceClass_50"
    waf_common_rules_action = "allow"
    waf_rate_limit          = 5
    api_max_body_bytes      = 100
  }

  expect_failures = [var.cdn_origin_secret, var.cdn_price_class, var.waf_common_rules_action, var.waf_rate_limit, var.api_max_body_bytes]
}

# '*' and '?' are wildcards in an ALB header condition: the listener would
# admit any header value that matched the pattern.
run "cdn_origin_secret_has_no_wildcards_and_cdn_domain_name_is_a_dns_name" {
  command = plan

  variables {
    cdn_origin_secret   = "********************************"
    cdn_domain_name     = "QR Example"
    cdn_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
  }

  expect_failures = [var.cdn_origin_secret, var.cdn_domain_name]
}

# An HTTPS origin is checked against a name on the load balancer's
# certificate, so with certificate_arn the CDN needs origin_domain_name.
run "cdn_origin_secret_long_enough_and_https_origin_needs_a_name" {
  command = plan

  variables {
    cdn_origin_secret = "tooshort"
    certificate_arn   = "arn:aws:acm:us-east-1:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
  }

  expect_failures = [var.cdn_origin_secret, var.origin_domain_name]
}

# CloudFront takes certificates from us-east-1 only.
run "origin_domain_name_is_a_dns_name_and_cdn_certificate_in_us_east_1" {
  command = plan

  variables {
    certificate_arn     = "arn:aws:acm:us-east-1:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
    origin_domain_name  = "https://origin.example.com/"
    cdn_domain_name     = "qr.example.com"
    cdn_certificate_arn = "arn:aws:acm:eu-west-2:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
  }

  expect_failures = [var.origin_domain_name, var.cdn_certificate_arn]
}

run "cdn_certificate_needs_its_domain" {
  command = plan

  variables {
    cdn_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
  }

  expect_failures = [var.cdn_certificate_arn]
}

run "cdn_domain_needs_its_certificate" {
  command = plan

  variables {
    cdn_domain_name = "qr.example.com"
  }

  expect_failures = [var.cdn_certificate_arn]
}

run "no_cdn_needs_no_origin_secret" {
  command = plan

  variables {
    enable_cdn        = false
    cdn_origin_secret = ""
  }
}
