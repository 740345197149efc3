variable "aws_region" {
  description = "AWS region to deploy into, e.g. us-east-1."
  type        = string
  default     = "us-east-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$", var.aws_region))
    error_message = "aws_region must be a region code such as us-east-1 or eu-west-2."
  }
}

variable "name_prefix" {
  description = "Prefix for the names of created resources (load balancer, target groups, repositories, roles, log groups, service)."
  type        = string
  default     = "qr-code"

  validation {
    # Target group and load balancer names are limited to 32 characters;
    # the longest suffix added here is "-widget" (7).
    condition     = can(regex("^[a-z][a-z0-9-]{0,18}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix must be 2 to 20 characters of lower-case letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "image_tag" {
  description = "Tag of the api and widget images in their ECR repositories to run (deploy.yaml passes the commit SHA). The repositories' tags are immutable, so a tag names one build."
  type        = string

  validation {
    # The OCI distribution spec's tag grammar.
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag))
    error_message = "image_tag must be 1 to 128 characters of letters, digits, '_', '.' and '-', not starting with '.' or '-'."
  }
}

variable "vpc_cidr" {
  description = "IPv4 range of the VPC; the two public subnets take its first two /24s."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(regex("^[0-9.]+/(1[6-9]|2[0-2])$", var.vpc_cidr)) && can(cidrhost(var.vpc_cidr, 0))
    error_message = "vpc_cidr must be an IPv4 CIDR block from /16 (the largest a VPC may be) to /22 (the smallest that holds the two /24 subnets)."
  }
}

variable "task_cpu" {
  description = "CPU units of the task (1024 = one vCPU), shared by both containers."
  type        = number
  default     = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.task_cpu)
    error_message = "task_cpu must be a Fargate size: 256, 512, 1024, 2048, 4096, 8192 or 16384."
  }
}

variable "task_memory" {
  description = "Memory of the task in MiB, shared by both containers; must be a size Fargate offers for task_cpu."
  type        = number
  default     = 1024

  validation {
    # Fargate's supported CPU/memory combinations: for each CPU size, the
    # smallest and largest memory and the step between them (MiB).
    condition = (
      !contains(keys(local.fargate_memory), tostring(var.task_cpu)) ? false :
      var.task_memory >= local.fargate_memory[tostring(var.task_cpu)].min &&
      var.task_memory <= local.fargate_memory[tostring(var.task_cpu)].max &&
      (var.task_memory - local.fargate_memory[tostring(var.task_cpu)].min) % local.fargate_memory[tostring(var.task_cpu)].step == 0
    )
    error_message = "task_memory is not a Fargate size for this task_cpu (e.g. 512 CPU takes 1024 to 4096 MiB in steps of 1024)."
  }
}

variable "desired_count" {
  description = "Number of tasks the service starts with. After creation Application Auto Scaling owns the count, between min_capacity and max_capacity."
  type        = number
  default     = 1

  validation {
    condition     = var.desired_count >= var.min_capacity && var.desired_count <= var.max_capacity
    error_message = "desired_count must lie between min_capacity and max_capacity."
  }
}

variable "min_capacity" {
  description = "Fewest tasks Application Auto Scaling keeps running."
  type        = number
  default     = 1

  validation {
    condition     = var.min_capacity >= 1 && floor(var.min_capacity) == var.min_capacity
    error_message = "min_capacity must be a whole number of at least 1 (the service answers no traffic at 0)."
  }
}

variable "max_capacity" {
  description = "Most tasks Application Auto Scaling may run."
  type        = number
  default     = 4

  validation {
    condition     = var.max_capacity >= var.min_capacity && var.max_capacity <= 100 && floor(var.max_capacity) == var.max_capacity
    error_message = "max_capacity must be a whole number from min_capacity to 100."
  }
}

variable "cpu_target_percent" {
  description = "Average CPU utilisation of the service that target tracking holds it at, in percent."
  type        = number
  default     = 60

  validation {
    condition     = var.cpu_target_percent >= 10 && var.cpu_target_percent <= 90
    error_message = "cpu_target_percent must be from 10 to 90."
  }
}

variable "requests_per_target" {
  description = "ALB requests per minute (ALBRequestCountPerTarget's unit) to the API that one task should take; target tracking adds tasks above it. Behind the CDN the ALB counts only its cache misses and POSTs. The default is terraform/README.md's capacity plan: 500 distinct images a second, what a 0.5 vCPU task makes at cpu_target_percent (60 %)."
  type        = number
  default     = 30000

  validation {
    condition     = var.requests_per_target >= 1
    error_message = "requests_per_target must be at least 1."
  }
}

variable "certificate_arn" {
  description = "ARN of an ACM certificate for the load balancer. Empty: HTTP only on port 80. Set: HTTPS on 443 and port 80 redirects to it."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.certificate_arn == "" || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/[0-9a-f-]+$", var.certificate_arn))
    error_message = "certificate_arn must be empty or an ACM certificate ARN (arn:aws:acm:REGION:ACCOUNT:certificate/ID)."
  }
}

variable "log_retention_days" {
  description = "Days CloudWatch keeps the containers' logs."
  type        = number
  default     = 30

  validation {
    # The values CloudWatch Logs accepts for a log group's retention.
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288 or 3653."
  }
}

variable "images_to_keep" {
  description = "Tagged images each ECR repository keeps (older ones expire); a rollback can only go back to a kept tag."
  type        = number
  default     = 30

  validation {
    condition     = var.images_to_keep >= 1 && var.images_to_keep <= 1000
    error_message = "images_to_keep must be from 1 to 1000."
  }
}

variable "enable_cdn" {
  description = "Put CloudFront and AWS WAF in front of the load balancer, and admit only CloudFront's requests at the load balancer. false: the load balancer answers the internet directly, as before the CDN."
  type        = bool
  default     = true
  nullable    = false
}

variable "cdn_origin_secret" {
  description = "Value of the X-Origin-Verify header CloudFront adds to every request to the load balancer, whose listeners answer 403 without it. Required with enable_cdn; deploy.yaml passes the repository secret CDN_ORIGIN_SECRET."
  type        = string
  default     = ""
  nullable    = false
  sensitive   = true

  validation {
    # ALB header conditions take '*' and '?' as wildcards and compare case
    # insensitively, so the secret is plain letters, digits, '-' and '_' and
    # long enough that case folding still leaves it unguessable (hex from
    # `openssl rand -hex 32` is 64 characters of 4 bits each).
    condition     = !var.enable_cdn || can(regex("^[A-Za-z0-9_-]{32,128}$", var.cdn_origin_secret))
    error_message = "With enable_cdn = true, cdn_origin_secret must be 32 to 128 letters, digits, '-' or '_': generate one with `openssl rand -hex 32` and store it as the repository secret CDN_ORIGIN_SECRET (Settings → Secrets and variables → Actions → Secrets), or by hand pass TF_VAR_cdn_origin_secret."
  }
}

variable "origin_domain_name" {
  description = "With enable_cdn and certificate_arn: a DNS name on certificate_arn that resolves to the load balancer (a CNAME to alb_dns_name), e.g. origin.example.com. CloudFront connects to it over HTTPS and checks the certificate against it, which the load balancer's own *.elb.amazonaws.com name would fail."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition = (
      var.origin_domain_name == "" ? !(var.enable_cdn && var.certificate_arn != "") :
      can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.origin_domain_name))
    )
    error_message = "origin_domain_name must be a lower-case DNS name, and is required when enable_cdn is true and certificate_arn is set: a name on that certificate pointed (CNAME) at alb_dns_name, so that CloudFront can reach the load balancer over verified HTTPS."
  }
}

variable "cdn_domain_name" {
  description = "Custom domain the distribution answers on (e.g. qr.example.com), with cdn_certificate_arn; point it (CNAME or Route 53 alias) at cdn_domain_name's output. Empty: the distribution's own *.cloudfront.net name."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition     = var.cdn_domain_name == "" || can(regex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$", var.cdn_domain_name))
    error_message = "cdn_domain_name must be empty or a lower-case DNS name such as qr.example.com."
  }
}

variable "cdn_certificate_arn" {
  description = "ACM certificate for cdn_domain_name, issued in us-east-1 (CloudFront takes certificates from there only). Set both or neither."
  type        = string
  default     = ""
  nullable    = false

  validation {
    condition = (
      (var.cdn_certificate_arn == "") == (var.cdn_domain_name == "") &&
      (var.cdn_certificate_arn == "" || can(regex("^arn:aws[a-z-]*:acm:us-east-1:[0-9]{12}:certificate/[0-9a-f-]+$", var.cdn_certificate_arn)))
    )
    error_message = "cdn_certificate_arn and cdn_domain_name go together (both or neither), and the certificate must be an ACM certificate in us-east-1 (arn:aws:acm:us-east-1:ACCOUNT:certificate/ID): CloudFront uses no other region's."
  }
}

variable "cdn_price_class" {
  description = "CloudFront price class: PriceClass_100 (North America, Europe, Israel: the cheapest), PriceClass_200 (adds most of Asia, the Middle East and Africa) or PriceClass_All."
  type        = string
  default     = "PriceClass_100"
  nullable    = false

  validation {
    condition     = contains(["PriceClass_100", "PriceClass_200", "PriceClass_All"], var.cdn_price_class)
    error_message = "cdn_price_class must be PriceClass_100, PriceClass_200 or PriceClass_All."
  }
}

variable "waf_common_rules_action" {
  description = "What AWS's managed common rule set does with what it matches: count (log and measure only, the default, to watch its metrics against real traffic first) or block."
  type        = string
  default     = "count"
  nullable    = false

  validation {
    condition     = contains(["count", "block"], var.waf_common_rules_action)
    error_message = "waf_common_rules_action must be count or block."
  }
}

variable "waf_rate_limit" {
  description = "Requests to /generate_qr one client IP may make in 5 minutes before WAF answers it 429 until its rate falls back under the limit."
  type        = number
  default     = 2000
  nullable    = false

  validation {
    # WAF's bounds for a rate-based rule's limit.
    condition     = var.waf_rate_limit >= 10 && var.waf_rate_limit <= 2000000000 && floor(var.waf_rate_limit) == var.waf_rate_limit
    error_message = "waf_rate_limit must be a whole number from 10 to 2,000,000,000 (WAF's bounds)."
  }
}

variable "api_max_body_bytes" {
  description = "Largest request body the API accepts: its MAX_BODY_BYTES (set in the task from this), and the Content-Length above which WAF refuses a request before it reaches the origin. The default is the API's own (DEFAULT_MAX_BODY_BYTES in packages/qr-server/src/api/config.ts, 360 KiB: a 256 KiB logo in base64 with the rest of a request)."
  type        = number
  default     = 368640
  nullable    = false

  validation {
    condition     = var.api_max_body_bytes >= 1024 && var.api_max_body_bytes <= 1073741824 && floor(var.api_max_body_bytes) == var.api_max_body_bytes
    error_message = "api_max_body_bytes must be a whole number from 1024 to 1073741824 (the API's own bounds, from 1 KiB)."
  }
}
