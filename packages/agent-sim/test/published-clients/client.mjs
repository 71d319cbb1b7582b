const res = await fetch("https://api.kvid.ai/api/agent", {
  method: "POST",
  headers: {
    "api-key": process.env.KVIDAI_API_KEY,
    "Content-Type": "application/json",
  },
  body: JSON.stringify({
    message: "Add a centered title 'Summer Sale' for 3 seconds.",
    composition,
    projectId: 1234,
    email: "you@example.com",
    apiKey: process.env.KVIDAI_API_KEY,
    locale: "en",
  }),
});
if (!res.headers.get("content-type")?.includes("text/event-stream")) {
  console.error("rejected:", await res.json());
  process.exit(1);
}
const reader = res.body.getReader();
const decoder = new TextDecoder();
let buf = "";
while (true) {
  const { value, done } = await reader.read();
  if (done) break;
  buf += decoder.decode(value, { stream: true });
  const blocks = buf.split("\n\n");
  buf = blocks.pop() ?? "";
  for (const block of blocks) {
    let name = "", data = "";
    for (const line of block.split("\n")) {
      if (line.startsWith("event: ")) name = line.slice(7);
      else if (line.startsWith("data: ")) data = line.slice(6);
    }
    if (!name) continue;
    const payload = JSON.parse(data);
    switch (name) {
      case "tool_start": console.log("→", payload.toolName); break;
      case "tool_end": console.log("←", payload.toolName, payload.success ? "ok" : payload.error); break;
      case "checkpoint": console.log("checkpoint at", payload.composition.tracks.length, "tracks"); break;
      case "done": console.log("done:", payload.data.message); break;
      case "error": console.error("error:", payload.error); break;
    }
  }
}
