# What the us-east-1 provider alias (versions.tf) returns: CloudFront's web
# ACL lives there, with a global (CLOUDFRONT-scope) ARN.

mock_resource "aws_wafv2_web_acl" {
  defaults = {
    arn = "arn:aws:wafv2:us-east-1:123456789012:global/webacl/qr-code-cdn/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
  }
}
