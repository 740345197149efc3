# Values the mocked AWS provider returns. At plan time a computed attribute
# is known only where a default is given here, so the identifiers that the
# assertions compare have one. Where two resources of a type must be told
# apart, plan.tftest.hcl overrides them one by one.

mock_data "aws_availability_zones" {
  defaults = {
    names = ["us-east-1a", "us-east-1b", "us-east-1c"]
  }
}

mock_data "aws_caller_identity" {
  defaults = {
    account_id = "123456789012"
  }
}

mock_data "aws_partition" {
  defaults = {
    partition = "aws"
  }
}

# The provider checks that ARNs passed between resources are well formed, so
# the mocked ones are.

mock_resource "aws_lb" {
  defaults = {
    arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/qr-code-alb/50dc6c495c0c9188"
    arn_suffix = "app/qr-code-alb/50dc6c495c0c9188"
    dns_name   = "qr-code-alb-1234567890.us-east-1.elb.amazonaws.com"
  }
}

mock_resource "aws_ecr_repository" {
  defaults = {
    repository_url = "123456789012.dkr.ecr.us-east-1.amazonaws.com/qr-code"
  }
}

mock_resource "aws_lb_target_group" {
  defaults = {
    arn        = "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/qr-code/73e2d6bc24d8a067"
    arn_suffix = "targetgroup/qr-code/73e2d6bc24d8a067"
  }
}

mock_resource "aws_lb_listener" {
  defaults = {
    arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/qr-code-alb/50dc6c495c0c9188/f2f7dc8efc522ab2"
  }
}

mock_resource "aws_iam_role" {
  defaults = {
    id  = "qr-code"
    arn = "arn:aws:iam::123456789012:role/qr-code"
  }
}

mock_resource "aws_vpc" {
  defaults = {
    id = "vpc-0a1b2c3d4e5f60718"
  }
}

mock_resource "aws_internet_gateway" {
  defaults = {
    id = "igw-0a1b2c3d4e5f60718"
  }
}

mock_resource "aws_route_table" {
  defaults = {
    id = "rtb-0a1b2c3d4e5f60718"
  }
}

mock_resource "aws_ecs_cluster" {
  defaults = {
    id  = "arn:aws:ecs:us-east-1:123456789012:cluster/QRCode-Cluster"
    arn = "arn:aws:ecs:us-east-1:123456789012:cluster/QRCode-Cluster"
  }
}

mock_resource "aws_ecs_task_definition" {
  defaults = {
    arn = "arn:aws:ecs:us-east-1:123456789012:task-definition/qr-code-task:1"
  }
}

# The CDN's resources (cdn.tf, waf.tf). A web ACL planned through this, the
# default provider, would carry this ARN of another region and scope, which
# cdn.tftest.hcl tells apart from the us-east-1 alias's
# (mocks/us-east-1/aws.tfmock.hcl).

mock_resource "aws_wafv2_web_acl" {
  defaults = {
    arn = "arn:aws:wafv2:eu-west-2:123456789012:regional/webacl/wrong-provider/00000000-0000-0000-0000-000000000000"
  }
}

mock_resource "aws_cloudfront_distribution" {
  defaults = {
    id          = "E2QWRUHEXAMPLE"
    arn         = "arn:aws:cloudfront::123456789012:distribution/E2QWRUHEXAMPLE"
    domain_name = "d111111abcdef8.cloudfront.net"
  }
}

mock_data "aws_ec2_managed_prefix_list" {
  defaults = {
    id          = "pl-3b927c52"
    max_entries = 55
  }
}
