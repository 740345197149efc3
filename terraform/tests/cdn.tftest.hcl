# The CDN (enable_cdn, on by default): CloudFront's behaviours and cache
# policies, the origin locked to CloudFront, AWS WAF on the distribution.
# Plan-time assertions against the mocked provider, as plan.tftest.hcl.

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

# One identifier per policy, so a behaviour wired to the wrong one fails.

override_resource {
  target          = aws_cloudfront_cache_policy.api[0]
  override_during = plan
  values          = { id = "11111111-1111-1111-1111-111111111111" }
}

override_resource {
  target          = aws_cloudfront_cache_policy.static[0]
  override_during = plan
  values          = { id = "22222222-2222-2222-2222-222222222222" }
}

override_resource {
  target          = aws_cloudfront_cache_policy.uncached[0]
  override_during = plan
  values          = { id = "33333333-3333-3333-3333-333333333333" }
}

override_resource {
  target          = aws_cloudfront_origin_request_policy.api[0]
  override_during = plan
  values          = { id = "44444444-4444-4444-4444-444444444444" }
}

override_resource {
  target          = aws_security_group.alb
  override_during = plan
  values          = { id = "sg-0a00000000000000a" }
}

override_resource {
  target          = aws_lb_listener.https
  override_during = plan
  values          = { arn = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/qr-code-alb/50dc6c495c0c9188/4444444444444444" }
}

# Defaults (no custom domain, no certificate): one plan for the behaviours,
# the cache policies and the distribution's settings.
run "distribution" {
  command = plan

  assert {
    condition = [for b in aws_cloudfront_distribution.this[0].ordered_cache_behavior : b.path_pattern] == [
      "/healthz", "/generate_qr", "/generate_qr/*", "/index.html", "/*.js", "/*.css", "/*.map",
    ]
    error_message = "The ordered behaviours must be /healthz, the API's two paths, the page and the bundles (.js, .css, maps), in that order."
  }

  assert {
    condition = alltrue([
      for b in aws_cloudfront_distribution.this[0].ordered_cache_behavior :
      toset(b.allowed_methods) == toset(["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]) &&
      toset(b.cached_methods) == toset(["GET", "HEAD"]) &&
      b.cache_policy_id == "11111111-1111-1111-1111-111111111111" &&
      b.origin_request_policy_id == "44444444-4444-4444-4444-444444444444"
      if startswith(b.path_pattern, "/generate_qr")
    ])
    error_message = "The API's paths must pass every method (POST and OPTIONS to the origin) but cache only GET and HEAD, on the API cache policy and origin request policy."
  }

  assert {
    condition = alltrue([
      for b in aws_cloudfront_distribution.this[0].ordered_cache_behavior :
      toset(b.allowed_methods) == toset(["GET", "HEAD"]) &&
      b.cache_policy_id == "22222222-2222-2222-2222-222222222222" &&
      (b.origin_request_policy_id == null || b.origin_request_policy_id == "") &&
      b.compress
      if contains(["/index.html", "/*.js", "/*.css", "/*.map"], b.path_pattern)
    ])
    error_message = "The page and the bundles must be GET and HEAD only, on the static cache policy, compressed at the edge."
  }

  assert {
    condition = (
      one(aws_cloudfront_distribution.this[0].default_cache_behavior).cache_policy_id == "22222222-2222-2222-2222-222222222222" &&
      toset(one(aws_cloudfront_distribution.this[0].default_cache_behavior).allowed_methods) == toset(["GET", "HEAD"]) &&
      one(aws_cloudfront_distribution.this[0].default_cache_behavior).compress
    )
    error_message = "The default behaviour (/ and the page server's other files) must be GET and HEAD on the static policy, compressed."
  }

  assert {
    condition = alltrue([
      for b in aws_cloudfront_distribution.this[0].ordered_cache_behavior :
      b.cache_policy_id == "33333333-3333-3333-3333-333333333333" && toset(b.allowed_methods) == toset(["GET", "HEAD"])
      if b.path_pattern == "/healthz"
    ])
    error_message = "/healthz must be on the never-cached policy."
  }

  assert {
    condition = alltrue([
      for b in aws_cloudfront_distribution.this[0].ordered_cache_behavior :
      b.viewer_protocol_policy == "redirect-to-https" && b.target_origin_id == "alb" &&
      b.compress == (b.path_pattern != "/healthz")
      ]) && (
      one(aws_cloudfront_distribution.this[0].default_cache_behavior).viewer_protocol_policy == "redirect-to-https" &&
      one(aws_cloudfront_distribution.this[0].default_cache_behavior).target_origin_id == "alb"
    )
    error_message = "Every behaviour must redirect HTTP to HTTPS, reach the load balancer, and compress (all but /healthz)."
  }


  assert {
    condition = (
      one(one(aws_cloudfront_cache_policy.api[0].parameters_in_cache_key_and_forwarded_to_origin).query_strings_config).query_string_behavior == "all" &&
      one(one(aws_cloudfront_cache_policy.api[0].parameters_in_cache_key_and_forwarded_to_origin).headers_config).header_behavior == "whitelist" &&
      toset(one(one(one(aws_cloudfront_cache_policy.api[0].parameters_in_cache_key_and_forwarded_to_origin).headers_config).headers).items) == toset(["Accept"]) &&
      one(one(aws_cloudfront_cache_policy.api[0].parameters_in_cache_key_and_forwarded_to_origin).cookies_config).cookie_behavior == "none"
    )
    error_message = "The API's cache key must be the whole query string and Accept: no other header, no cookie."
  }

  assert {
    condition = alltrue([
      for policy in [aws_cloudfront_cache_policy.api[0], aws_cloudfront_cache_policy.static[0]] :
      policy.min_ttl == 0 && policy.default_ttl == 0 && policy.max_ttl == 31536000 &&
      one(policy.parameters_in_cache_key_and_forwarded_to_origin).enable_accept_encoding_gzip &&
      one(policy.parameters_in_cache_key_and_forwarded_to_origin).enable_accept_encoding_brotli
    ])
    error_message = "The API and static policies must follow the origin's Cache-Control (min 0, nothing kept without one, a year at most) and cache gzip and Brotli apart."
  }

  assert {
    condition = (
      one(one(aws_cloudfront_cache_policy.static[0].parameters_in_cache_key_and_forwarded_to_origin).query_strings_config).query_string_behavior == "none" &&
      one(one(aws_cloudfront_cache_policy.static[0].parameters_in_cache_key_and_forwarded_to_origin).headers_config).header_behavior == "none" &&
      one(one(aws_cloudfront_cache_policy.static[0].parameters_in_cache_key_and_forwarded_to_origin).cookies_config).cookie_behavior == "none"
    )
    error_message = "The page and bundles must be keyed on the path alone."
  }

  assert {
    condition = (
      aws_cloudfront_cache_policy.uncached[0].min_ttl == 0 &&
      aws_cloudfront_cache_policy.uncached[0].default_ttl == 0 &&
      aws_cloudfront_cache_policy.uncached[0].max_ttl == 0
    )
    error_message = "The /healthz policy must keep nothing, whatever the origin says."
  }

  assert {
    condition = (
      toset(one(one(aws_cloudfront_origin_request_policy.api[0].headers_config).headers).items) == toset(["Content-Type", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"]) &&
      one(aws_cloudfront_origin_request_policy.api[0].query_strings_config).query_string_behavior == "all" &&
      one(aws_cloudfront_origin_request_policy.api[0].cookies_config).cookie_behavior == "none"
    )
    error_message = "POST and OPTIONS must reach the API with their query, Content-Type and the CORS request headers, and no cookies."
  }


  assert {
    condition = (
      aws_cloudfront_distribution.this[0].enabled &&
      aws_cloudfront_distribution.this[0].http_version == "http2and3" &&
      aws_cloudfront_distribution.this[0].price_class == "PriceClass_100" &&
      length(aws_cloudfront_distribution.this[0].aliases) == 0
    )
    error_message = "The distribution must serve HTTP/2 and HTTP/3 at PriceClass_100, on its own name by default."
  }

  assert {
    condition = (
      one(aws_cloudfront_distribution.this[0].viewer_certificate).cloudfront_default_certificate &&
      one(aws_cloudfront_distribution.this[0].viewer_certificate).acm_certificate_arn == null
    )
    error_message = "Without cdn_domain_name the distribution must use the default *.cloudfront.net certificate, which takes no other setting."
  }

  assert {
    condition     = output.cdn_url == "https://d111111abcdef8.cloudfront.net" && output.cdn_domain_name == "d111111abcdef8.cloudfront.net"
    error_message = "cdn_url must be the distribution's https:// address."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      { for e in c.environment : e.name => e.value }["TRUST_PROXY_HOPS"] == "2"
    ])
    error_message = "Behind CloudFront and the load balancer both containers must trust two X-Forwarded-For hops."
  }
}

run "custom_domain" {
  command = plan

  variables {
    cdn_domain_name     = "qr.example.com"
    cdn_certificate_arn = "arn:aws:acm:us-east-1:123456789012:certificate/0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e"
    cdn_price_class     = "PriceClass_All"
  }

  assert {
    condition = (
      aws_cloudfront_distribution.this[0].aliases == toset(["qr.example.com"]) &&
      !one(aws_cloudfront_distribution.this[0].viewer_certificate).cloudfront_default_certificate &&
      one(aws_cloudfront_distribution.this[0].viewer_certificate).acm_certificate_arn == var.cdn_certificate_arn &&
      one(aws_cloudfront_distribution.this[0].viewer_certificate).ssl_support_method == "sni-only" &&
      one(aws_cloudfront_distribution.this[0].viewer_certificate).minimum_protocol_version == "TLSv1.2_2021"
    )
    error_message = "With cdn_domain_name and cdn_certificate_arn the distribution must answer on the domain with that certificate, SNI and TLS 1.2 at least."
  }

  assert {
    condition     = aws_cloudfront_distribution.this[0].price_class == "PriceClass_All"
    error_message = "cdn_price_class must reach the distribution."
  }

  assert {
    condition     = output.cdn_url == "https://qr.example.com" && output.cdn_domain_name == "d111111abcdef8.cloudfront.net"
    error_message = "cdn_url must be the custom domain; cdn_domain_name the distribution's own name, for the CNAME."
  }
}

# Trap: without a certificate on the load balancer the origin leg is plain
# HTTP, so the only port opened is 80 (443 has no listener), and the one
# prefix-list rule covers it alone.
run "origin_lock_http" {
  command = plan

  assert {
    condition = (
      one(aws_cloudfront_distribution.this[0].origin).domain_name == "qr-code-alb-1234567890.us-east-1.elb.amazonaws.com" &&
      one(one(aws_cloudfront_distribution.this[0].origin).custom_origin_config).origin_protocol_policy == "http-only"
    )
    error_message = "Without a certificate CloudFront must reach the load balancer by its DNS name over HTTP."
  }

  assert {
    condition = (
      length(aws_vpc_security_group_ingress_rule.alb) == 0 &&
      length(aws_vpc_security_group_ingress_rule.alb_from_cloudfront) == 1 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].prefix_list_id == "pl-3b927c52" &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].cidr_ipv4 == null &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].from_port == 80 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].to_port == 80 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].security_group_id == aws_security_group.alb.id
    )
    error_message = "With the CDN and no certificate the load balancer must admit port 80 from CloudFront's prefix list only, in one rule, and nothing from anywhere."
  }

  assert {
    condition     = data.aws_ec2_managed_prefix_list.cloudfront[0].name == "com.amazonaws.global.cloudfront.origin-facing"
    error_message = "The prefix list must be CloudFront's origin-facing one."
  }

  assert {
    condition = (
      one(one(aws_cloudfront_distribution.this[0].origin).custom_header).name == "X-Origin-Verify" &&
      one(one(aws_cloudfront_distribution.this[0].origin).custom_header).value == var.cdn_origin_secret
    )
    error_message = "CloudFront must send the origin secret in X-Origin-Verify."
  }

  assert {
    condition = (
      aws_lb_listener.http.default_action[0].type == "fixed-response" &&
      one(aws_lb_listener.http.default_action[0].fixed_response).status_code == "403" &&
      aws_lb_listener.http.default_action[0].target_group_arn == null
    )
    error_message = "The serving listener must answer 403 to a request without the origin secret."
  }

  assert {
    condition = alltrue([
      for rule in [aws_lb_listener_rule.api, aws_lb_listener_rule.widget[0]] :
      rule.listener_arn == aws_lb_listener.http.arn &&
      one([for c in rule.condition : c.http_header[0] if length(c.http_header) > 0]).http_header_name == "X-Origin-Verify" &&
      one([for c in rule.condition : c.http_header[0] if length(c.http_header) > 0]).values == toset([var.cdn_origin_secret])
    ])
    error_message = "Both forwarding rules must require X-Origin-Verify with the secret, on the serving listener."
  }

  assert {
    condition = (
      toset(one([for c in aws_lb_listener_rule.api.condition : c.path_pattern[0] if length(c.path_pattern) > 0]).values) == toset(["/generate_qr", "/generate_qr/*"]) &&
      aws_lb_listener_rule.api.action[0].target_group_arn == aws_lb_target_group.this["api"].arn &&
      aws_lb_listener_rule.widget[0].action[0].target_group_arn == aws_lb_target_group.this["widget"].arn &&
      aws_lb_listener_rule.api.priority < aws_lb_listener_rule.widget[0].priority
    )
    error_message = "The API rule must take /generate_qr before the widget rule takes the rest."
  }
}

# Trap: with a certificate, HTTPS all the way (the secret is never in clear),
# checked against a name on the certificate; 443 alone is opened.
run "origin_lock_https" {
  command = plan

  variables {
    certificate_arn    = "arn:aws:acm:us-east-1:123456789012:certificate/8f1c2d3e-4b5a-6978-8a9b-0c1d2e3f4a5b"
    origin_domain_name = "origin.example.com"
  }

  assert {
    condition = (
      one(aws_cloudfront_distribution.this[0].origin).domain_name == "origin.example.com" &&
      one(one(aws_cloudfront_distribution.this[0].origin).custom_origin_config).origin_protocol_policy == "https-only" &&
      one(one(aws_cloudfront_distribution.this[0].origin).custom_origin_config).origin_ssl_protocols == toset(["TLSv1.2"])
    )
    error_message = "With a certificate CloudFront must reach the load balancer over HTTPS (TLS 1.2), by the name on its certificate."
  }

  assert {
    condition = (
      length(aws_vpc_security_group_ingress_rule.alb_from_cloudfront) == 1 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].from_port == 443 &&
      aws_vpc_security_group_ingress_rule.alb_from_cloudfront[0].to_port == 443 &&
      length(aws_vpc_security_group_ingress_rule.alb) == 0
    )
    error_message = "With a certificate the one prefix-list rule must admit 443 only."
  }

  assert {
    condition = (
      aws_lb_listener.https[0].default_action[0].type == "fixed-response" &&
      one(aws_lb_listener.https[0].default_action[0].fixed_response).status_code == "403" &&
      aws_lb_listener_rule.api.listener_arn == aws_lb_listener.https[0].arn &&
      aws_lb_listener_rule.widget[0].listener_arn == aws_lb_listener.https[0].arn
    )
    error_message = "With a certificate the HTTPS listener serves: 403 by default, the secret-checking rules on it."
  }
}

run "waf" {
  command = plan

  assert {
    condition     = aws_wafv2_web_acl.cdn[0].scope == "CLOUDFRONT"
    error_message = "The web ACL must have scope CLOUDFRONT."
  }

  # The mocks give the us-east-1 alias a global ARN there, and the default
  # provider a regional one elsewhere: this is which provider planned it.
  assert {
    condition     = startswith(aws_wafv2_web_acl.cdn[0].arn, "arn:aws:wafv2:us-east-1:123456789012:global/")
    error_message = "The web ACL must be created through the us-east-1 provider alias."
  }

  assert {
    condition     = aws_cloudfront_distribution.this[0].web_acl_id == aws_wafv2_web_acl.cdn[0].arn
    error_message = "The distribution must be associated with the web ACL."
  }

  assert {
    condition     = length(one(aws_wafv2_web_acl.cdn[0].default_action).allow) == 1 && toset([for r in aws_wafv2_web_acl.cdn[0].rule : r.name]) == toset(["api-rate-per-ip", "aws-common-rule-set", "body-over-api-limit"])
    error_message = "The web ACL must allow by default and hold the rate, common and body rules."
  }

  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule :
      r.statement[0].rate_based_statement[0].limit == 2000 &&
      r.statement[0].rate_based_statement[0].evaluation_window_sec == 300 &&
      r.statement[0].rate_based_statement[0].aggregate_key_type == "IP" &&
      r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].search_string == "/generate_qr" &&
      r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].positional_constraint == "STARTS_WITH" &&
      length(r.statement[0].rate_based_statement[0].scope_down_statement[0].byte_match_statement[0].field_to_match[0].uri_path) == 1 &&
      r.action[0].block[0].custom_response[0].response_code == 429
      if r.name == "api-rate-per-ip"
    ])
    error_message = "The rate rule must block (429) an IP above 2,000 requests to /generate_qr in 5 minutes."
  }

  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule :
      r.statement[0].managed_rule_group_statement[0].vendor_name == "AWS" &&
      r.statement[0].managed_rule_group_statement[0].name == "AWSManagedRulesCommonRuleSet" &&
      length(r.override_action[0].count) == 1 && length(r.override_action[0].none) == 0
      if r.name == "aws-common-rule-set"
    ])
    error_message = "The AWS common rule set must only count by default."
  }

  # Trap: SizeRestrictions_BODY (8 KB) would block the API's JSON and logo
  # bodies once the set blocks; it always counts.
  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule :
      toset([for o in r.statement[0].managed_rule_group_statement[0].rule_action_override : o.name if length(o.action_to_use[0].count) == 1]) == toset(["SizeRestrictions_BODY", "SizeRestrictions_QUERYSTRING"])
      if r.name == "aws-common-rule-set"
    ])
    error_message = "SizeRestrictions_BODY and SizeRestrictions_QUERYSTRING must be overridden to count."
  }

  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule :
      r.statement[0].regex_match_statement[0].field_to_match[0].single_header[0].name == "content-length" &&
      r.action[0].block[0].custom_response[0].response_code == 413 &&
      r.priority < min([for other in aws_wafv2_web_acl.cdn[0].rule : other.priority if other.name != r.name]...)
      if r.name == "body-over-api-limit"
    ])
    error_message = "The body rule must come first and block (413) on the declared Content-Length."
  }

  # The size rule's expression, run on lengths either side of the API's limit.
  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule : alltrue(concat(
        [for n in ["368641", "368649", "368700", "369000", "400000", "999999", "1000000", "12345678", "0368641"] : can(regex(r.statement[0].regex_match_statement[0].regex_string, n))],
        [for n in ["368640", "368639", "368600", "300000", "99999", "0", "0368640", "36864"] : !can(regex(r.statement[0].regex_match_statement[0].regex_string, n))],
      ))
      if r.name == "body-over-api-limit"
    ])
    error_message = "The body rule must match exactly the Content-Length values above 368640 (the API's MAX_BODY_BYTES)."
  }
}

run "waf_blocking" {
  command = plan

  variables {
    waf_common_rules_action = "block"
    waf_rate_limit          = 500
    api_max_body_bytes      = 19990
  }

  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule :
      length(r.override_action[0].none) == 1 && length(r.override_action[0].count) == 0 &&
      contains([for o in r.statement[0].managed_rule_group_statement[0].rule_action_override : o.name if length(o.action_to_use[0].count) == 1], "SizeRestrictions_BODY")
      if r.name == "aws-common-rule-set"
    ])
    error_message = "In block mode the common rule set's own actions apply, SizeRestrictions_BODY still only counting."
  }

  assert {
    condition     = alltrue([for r in aws_wafv2_web_acl.cdn[0].rule : r.statement[0].rate_based_statement[0].limit == 500 if r.name == "api-rate-per-ip"])
    error_message = "waf_rate_limit must reach the rate rule."
  }

  # Nines in the limit have no larger digit at their place.
  assert {
    condition = alltrue([
      for r in aws_wafv2_web_acl.cdn[0].rule : alltrue(concat(
        [for n in ["19991", "19999", "20000", "100000"] : can(regex(r.statement[0].regex_match_statement[0].regex_string, n))],
        [for n in ["19990", "19989", "9999"] : !can(regex(r.statement[0].regex_match_statement[0].regex_string, n))],
      ))
      if r.name == "body-over-api-limit"
    ])
    error_message = "The body rule must follow api_max_body_bytes."
  }

  assert {
    condition = alltrue([
      for c in jsondecode(aws_ecs_task_definition.this.container_definitions) :
      { for e in c.environment : e.name => e.value }["MAX_BODY_BYTES"] == "19990" if c.name == "api"
    ])
    error_message = "The API must get the same limit as MAX_BODY_BYTES."
  }
}
