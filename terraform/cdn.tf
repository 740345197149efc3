# CloudFront in front of the load balancer (enable_cdn). The API's GET
# answers depend only on the URL and Accept, carry a strong ETag and
# `Cache-Control: public, max-age=31536000, immutable` and say `Vary: Accept`;
# the bundles are content-hashed. So the edge answers the repeats and the
# tasks see only cache misses and POSTs.

locals {
  cdn = var.enable_cdn ? 1 : 0

  # The header CloudFront adds to every origin request and the listeners
  # require (alb.tf): the prefix list alone admits every distribution in
  # every AWS account, this header only ours.
  origin_secret_header = "X-Origin-Verify"

  # CloudFront reaches the load balancer over HTTPS when it has a certificate.
  # It then checks the certificate against the origin's name, which must be a
  # name on it (origin_domain_name); the ALB's own *.elb.amazonaws.com name is
  # on no certificate of ours. Without a certificate the origin leg is plain
  # HTTP, secret header included (terraform/README.md says what that exposes).
  origin_domain_name = local.https ? var.origin_domain_name : aws_lb.this.dns_name
  origin_port        = local.https ? 443 : 80

  # RFC 9111 §5.2.2.1: a year is the longest lifetime the origin gives
  # (max-age=31536000); CloudFront never keeps anything longer than max_ttl.
  one_year_s = 31536000

  # Viewer addresses the servers trust in X-Forwarded-For (TRUST_PROXY_HOPS,
  # ecs.tf): CloudFront appends the viewer's, the load balancer the edge's.
  # Without the CDN only the load balancer appends.
  trusted_proxy_hops = var.enable_cdn ? 2 : 1
}

# Keyed on the whole query string and Accept, as the API's answer varies on
# exactly those (Vary: Accept, RFC 9110 §12.5.5); no cookies, no other
# headers, so every viewer asking for the same image shares one cached copy.
# TTLs follow the origin's Cache-Control (min 0: `no-store` answers, errors
# and secret payloads, are never kept); an answer without one is not kept.
resource "aws_cloudfront_cache_policy" "api" {
  count = local.cdn

  name        = "${var.name_prefix}-api"
  comment     = "GET /generate_qr: whole query string and Accept; TTLs from the origin's Cache-Control"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = local.one_year_s

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    query_strings_config {
      query_string_behavior = "all"
    }
    headers_config {
      header_behavior = "whitelist"
      headers {
        items = ["Accept"]
      }
    }
    cookies_config {
      cookie_behavior = "none"
    }
  }
}

# The page and bundles: keyed on nothing but the path (and the encoding).
# TTLs follow the origin: a year for content-hashed names, 5 minutes for the
# stable /qr-code.js and /qr-widget.js, `no-cache` (revalidate every time)
# for the page.
resource "aws_cloudfront_cache_policy" "static" {
  count = local.cdn

  name        = "${var.name_prefix}-static"
  comment     = "Page and bundles: path only; TTLs from the origin's Cache-Control"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = local.one_year_s

  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = true
    enable_accept_encoding_brotli = true

    query_strings_config {
      query_string_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    cookies_config {
      cookie_behavior = "none"
    }
  }
}

# Never cached whatever the origin says: the health check must reach a task.
resource "aws_cloudfront_cache_policy" "uncached" {
  count = local.cdn

  name        = "${var.name_prefix}-uncached"
  comment     = "Never cached (/healthz)"
  min_ttl     = 0
  default_ttl = 0
  max_ttl     = 0

  # With every TTL 0 CloudFront refuses any cache key beyond the path.
  parameters_in_cache_key_and_forwarded_to_origin {
    enable_accept_encoding_gzip   = false
    enable_accept_encoding_brotli = false

    query_strings_config {
      query_string_behavior = "none"
    }
    headers_config {
      header_behavior = "none"
    }
    cookies_config {
      cookie_behavior = "none"
    }
  }
}

# What POST and OPTIONS need beyond the cache key: the body (always
# forwarded), its Content-Type, and the CORS request headers a preflight
# carries (Fetch Standard, "CORS protocol"). Forwarded, not keyed: POST and
# OPTIONS are never cached (cached_methods below).
resource "aws_cloudfront_origin_request_policy" "api" {
  count = local.cdn

  name    = "${var.name_prefix}-api"
  comment = "Query string, Content-Type and the CORS request headers to the API"

  query_strings_config {
    query_string_behavior = "all"
  }
  headers_config {
    header_behavior = "whitelist"
    headers {
      items = ["Content-Type", "Origin", "Access-Control-Request-Method", "Access-Control-Request-Headers"]
    }
  }
  cookies_config {
    cookie_behavior = "none"
  }
}

locals {
  all_methods    = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
  cached_methods = ["GET", "HEAD"]

  # Ordered: CloudFront takes the first pattern that matches the path.
  cdn_behaviours = [
    # The API: GET and HEAD cached; POST and OPTIONS (not in cached_methods)
    # always go to the origin. A behaviour has one method list, so the API's
    # paths allow all seven and the API answers 405 to what it does not take.
    for path in ["/generate_qr", "/generate_qr/*"] : {
      path_pattern          = path
      allowed_methods       = local.all_methods
      cache_policy          = "api"
      origin_request_policy = "api"
      compress              = true # the SVG answers
    }
  ]
  static_behaviours = [
    for path in ["/index.html", "/*.js", "/*.css", "/*.map"] : {
      path_pattern          = path
      allowed_methods       = local.cached_methods
      cache_policy          = "static"
      origin_request_policy = null
      compress              = true
    }
  ]
  health_behaviours = [{
    path_pattern          = "/healthz"
    allowed_methods       = local.cached_methods
    cache_policy          = "uncached"
    origin_request_policy = null
    compress              = false
  }]
}

resource "aws_cloudfront_distribution" "this" {
  count = local.cdn

  enabled         = true
  comment         = "${var.name_prefix}: the page and the API, in front of ${aws_lb.this.name}"
  http_version    = "http2and3"
  is_ipv6_enabled = true
  price_class     = var.cdn_price_class
  aliases         = var.cdn_domain_name == "" ? [] : [var.cdn_domain_name]
  # Scope CLOUDFRONT: a distribution names its web ACL here, not through an
  # aws_wafv2_web_acl_association (which is for regional resources).
  web_acl_id = aws_wafv2_web_acl.cdn[0].arn

  origin {
    origin_id   = "alb"
    domain_name = local.origin_domain_name

    custom_origin_config {
      http_port                = 80
      https_port               = 443
      origin_protocol_policy   = local.https ? "https-only" : "http-only"
      origin_ssl_protocols     = ["TLSv1.2"]
      origin_read_timeout      = 30
      origin_keepalive_timeout = 5
    }

    custom_header {
      name  = local.origin_secret_header
      value = var.cdn_origin_secret
    }
  }

  # Everything the ordered behaviours leave, `/` first (the page, revalidated
  # on its `no-cache`), and the page server's other files (favicon), on the
  # static policy.
  default_cache_behavior {
    target_origin_id       = "alb"
    viewer_protocol_policy = "redirect-to-https"
    allowed_methods        = local.cached_methods
    cached_methods         = local.cached_methods
    cache_policy_id        = aws_cloudfront_cache_policy.static[0].id
    compress               = true
  }

  dynamic "ordered_cache_behavior" {
    for_each = concat(local.health_behaviours, local.cdn_behaviours, local.static_behaviours)
    iterator = behaviour
    content {
      path_pattern             = behaviour.value.path_pattern
      target_origin_id         = "alb"
      viewer_protocol_policy   = "redirect-to-https"
      allowed_methods          = behaviour.value.allowed_methods
      cached_methods           = local.cached_methods
      cache_policy_id          = { api = aws_cloudfront_cache_policy.api[0].id, static = aws_cloudfront_cache_policy.static[0].id, uncached = aws_cloudfront_cache_policy.uncached[0].id }[behaviour.value.cache_policy]
      origin_request_policy_id = behaviour.value.origin_request_policy == null ? null : aws_cloudfront_origin_request_policy.api[0].id
      compress                 = behaviour.value.compress
    }
  }

  restrictions {
    geo_restriction {
      restriction_type = "none"
    }
  }

  viewer_certificate {
    # The default *.cloudfront.net certificate takes no other setting: AWS
    # fixes its security policy (TLSv1) and refuses a minimum_protocol_version.
    # A custom domain gets SNI and TLS 1.2 at least.
    cloudfront_default_certificate = var.cdn_certificate_arn == ""
    acm_certificate_arn            = var.cdn_certificate_arn == "" ? null : var.cdn_certificate_arn
    ssl_support_method             = var.cdn_certificate_arn == "" ? null : "sni-only"
    minimum_protocol_version       = var.cdn_certificate_arn == "" ? null : "TLSv1.2_2021"
  }
}

# CloudFront's addresses towards origins, kept current by AWS: the only
# source the load balancer's security group admits when the CDN is on.
data "aws_ec2_managed_prefix_list" "cloudfront" {
  count = local.cdn

  name = "com.amazonaws.global.cloudfront.origin-facing"
}
