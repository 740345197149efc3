# AWS WAF on the distribution. Scope CLOUDFRONT, so the web ACL is created in
# us-east-1 (provider aws.us_east_1) whatever var.aws_region is, and it sees
# the viewer's own address, which the per-IP rate rule counts.

locals {
  # The Content-Length values above api_max_body_bytes, as a regular
  # expression: any longer number, or one of the same length that is larger
  # from its first differing digit (for 368640: [4-9]....., 3[7-9]...., …).
  # WAF inspects at most the first 64 KB of a body (16 KB by default), so a
  # size constraint on the body itself cannot measure the API's 360 KiB
  # limit; the declared length can. A body sent without Content-Length
  # (chunked) still meets the API's own limit, a 413 there.
  body_limit_digits = tostring(var.api_max_body_bytes)
  over_body_limit = "^0*(${join("|", concat(
    ["[1-9][0-9]{${length(local.body_limit_digits)},}"],
    [
      for i in range(length(local.body_limit_digits)) :
      "${substr(local.body_limit_digits, 0, i)}[${tonumber(substr(local.body_limit_digits, i, 1)) + 1}-9][0-9]{${length(local.body_limit_digits) - i - 1}}"
      if substr(local.body_limit_digits, i, 1) != "9"
    ],
  ))})$"

  # Rules of AWSManagedRulesCommonRuleSet that always only count, even when
  # waf_common_rules_action is block: they refuse requests the API accepts.
  # SizeRestrictions_BODY blocks bodies over 8 KB (JSON with a logo, logo
  # uploads, up to api_max_body_bytes: body-over-api-limit enforces that);
  # SizeRestrictions_QUERYSTRING blocks queries over 2 KB, and a GET
  # /generate_qr/?data= for <img src> carries up to 2,953 bytes of text,
  # percent-encoded (RFC 3986 §2.1), in its query.
  common_rules_counted = ["SizeRestrictions_BODY", "SizeRestrictions_QUERYSTRING"]
}

resource "aws_wafv2_web_acl" "cdn" {
  count    = local.cdn
  provider = aws.us_east_1

  name        = "${var.name_prefix}-cdn"
  description = "${var.name_prefix}'s CloudFront distribution: body size, per-IP rate on /generate_qr, AWS common rules"
  scope       = "CLOUDFRONT"

  default_action {
    allow {}
  }

  # First and cheapest: a body the API would refuse with 413 is refused here
  # with the same status, before it crosses to the origin.
  rule {
    name     = "body-over-api-limit"
    priority = 10

    action {
      block {
        custom_response {
          response_code = 413
        }
      }
    }

    statement {
      regex_match_statement {
        regex_string = local.over_body_limit
        field_to_match {
          single_header {
            name = "content-length"
          }
        }
        text_transformation {
          priority = 0
          type     = "NONE"
        }
      }
    }

    visibility_config {
      metric_name                = "${var.name_prefix}-body-over-api-limit"
      cloudwatch_metrics_enabled = true
      sampled_requests_enabled   = true
    }
  }

  # Per viewer IP, over WAF's 5-minute window, on the API only: the page and
  # bundles are answered from the edge and cost the origin nothing. 429 is
  # RFC 6585 §4's Too Many Requests.
  rule {
    name     = "api-rate-per-ip"
    priority = 20

    action {
      block {
        custom_response {
          response_code = 429
        }
      }
    }

    statement {
      rate_based_statement {
        limit                 = var.waf_rate_limit
        evaluation_window_sec = 300
        aggregate_key_type    = "IP"

        scope_down_statement {
          byte_match_statement {
            search_string         = "/generate_qr"
            positional_constraint = "STARTS_WITH"
            field_to_match {
              uri_path {}
            }
            text_transformation {
              priority = 0
              type     = "NONE"
            }
          }
        }
      }
    }

    visibility_config {
      metric_name                = "${var.name_prefix}-api-rate-per-ip"
      cloudwatch_metrics_enabled = true
      sampled_requests_enabled   = true
    }
  }

  rule {
    name     = "aws-common-rule-set"
    priority = 30

    # count: the group's blocks become counts; none: its own actions apply.
    override_action {
      dynamic "count" {
        for_each = var.waf_common_rules_action == "count" ? [1] : []
        content {}
      }
      dynamic "none" {
        for_each = var.waf_common_rules_action == "block" ? [1] : []
        content {}
      }
    }

    statement {
      managed_rule_group_statement {
        vendor_name = "AWS"
        name        = "AWSManagedRulesCommonRuleSet"

        dynamic "rule_action_override" {
          for_each = local.common_rules_counted
          content {
            name = rule_action_override.value
            action_to_use {
              count {}
            }
          }
        }
      }
    }

    visibility_config {
      metric_name                = "${var.name_prefix}-aws-common-rule-set"
      cloudwatch_metrics_enabled = true
      sampled_requests_enabled   = true
    }
  }

  visibility_config {
    metric_name                = "${var.name_prefix}-cdn"
    cloudwatch_metrics_enabled = true
    sampled_requests_enabled   = true
  }
}
