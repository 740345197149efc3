# Zones that need no opt-in: Local and Wavelength Zones have no ALB support.
data "aws_availability_zones" "available" {
  state = "available"

  filter {
    name   = "opt-in-status"
    values = ["opt-in-not-required"]
  }
}

locals {
  # An ALB needs subnets in at least two zones; one task per zone is also
  # what keeps the service up through a zone outage once it scales to two.
  zones = slice(data.aws_availability_zones.available.names, 0, min(2, length(data.aws_availability_zones.available.names)))
}

resource "aws_vpc" "this" {
  cidr_block           = var.vpc_cidr
  enable_dns_support   = true
  enable_dns_hostnames = true

  tags = { Name = var.name_prefix }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id

  tags = { Name = var.name_prefix }
}

# Public subnets only: tasks get public IPs to reach ECR, CloudWatch and SSM,
# which costs less than a NAT gateway per zone; their security group still
# admits traffic from the load balancer alone.
resource "aws_subnet" "public" {
  count = 2

  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet(var.vpc_cidr, 24 - tonumber(split("/", var.vpc_cidr)[1]), count.index)
  availability_zone = local.zones[count.index]

  tags = { Name = "${var.name_prefix}-public-${count.index}" }

  lifecycle {
    precondition {
      condition     = length(local.zones) == 2
      error_message = "The region offers fewer than two availability zones without opt-in; an Application Load Balancer needs two."
    }
  }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id

  route {
    cidr_block = "0.0.0.0/0"
    gateway_id = aws_internet_gateway.this.id
  }

  tags = { Name = "${var.name_prefix}-public" }
}

resource "aws_route_table_association" "public" {
  count = length(aws_subnet.public)

  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}
