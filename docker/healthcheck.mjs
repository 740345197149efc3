// Container health probe, shared by the images' HEALTHCHECK, compose.yaml and
// the ECS task definition: the slim base image has no curl or wget, so node
// asks the server's /healthz itself. Exit 0 = healthy, 1 = unhealthy (the
// only codes Docker and ECS define).
const port = process.env.PORT;
if (!port) {
  console.error('healthcheck: PORT is not set; the image sets it, so was it overridden with an empty value?');
  process.exit(1);
}

try {
  // Below the 5 s timeout the HEALTHCHECK and the task definition give it.
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
  if (response.status !== 200) {
    console.error(`healthcheck: /healthz answered ${response.status}`);
    process.exit(1);
  }
} catch (error) {
  console.error(`healthcheck: /healthz did not answer: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
