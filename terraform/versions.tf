terraform {
  # 1.11: `terraform test` with mock providers evaluated at plan time
  # (override_during) and cross-variable validation; S3 native state locking.
  required_version = "~> 1.11"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # Exact pin: the version mirrored on the team's machines, and the one
      # the tests were written against.
      version = "5.100.0"
    }
  }

  # Partial configuration: bucket, key, region and use_lockfile are passed to
  # `terraform init -backend-config=...` (deploy.yaml fills them from
  # repository variables), so no account detail lives in the repository.
  backend "s3" {}
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = {
      Project   = var.name_prefix
      ManagedBy = "terraform"
    }
  }
}

# CloudFront is a global service whose certificates and web ACLs live in
# us-east-1 whatever region the rest of the stack is in: an ACM certificate
# for a distribution must be issued there, and a WAF web ACL of scope
# CLOUDFRONT must be created there.
provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      Project   = var.name_prefix
      ManagedBy = "terraform"
    }
  }
}
