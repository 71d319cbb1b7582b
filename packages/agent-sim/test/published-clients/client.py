import httpx
import json

API_KEY = "YOUR_API_KEY"
EMAIL = "you@example.com"

body = {
    "message": "Make a 30-second explainer about the new iPhone chip in 8 scenes.",
    "composition": empty_composition,  # see Project Management API
    "projectId": 1234,
    "email": EMAIL,
    "apiKey": API_KEY,
    "locale": "en",
    "templateId": "sod",
}

with httpx.stream(
    "POST",
    "https://api.kvid.ai/api/agent",
    headers={"api-key": API_KEY, "Content-Type": "application/json"},
    json=body,
    timeout=None,
) as resp:
    if "text/event-stream" not in resp.headers.get("content-type", ""):
        print("rejected:", resp.json())
        raise SystemExit(1)
    event_name = None
    for line in resp.iter_lines():
        if not line:
            event_name = None
            continue
        if line.startswith("event: "):
            event_name = line[7:]
        elif line.startswith("data: ") and event_name:
            payload = json.loads(line[6:])
            print(event_name, payload)
            if event_name == "done":
                final_composition = payload["data"]["composition"]
            elif event_name == "scene_complete":
                print(f"  ✓ {payload['sceneId']}")
            elif event_name == "scene_failed":
                print(f"  ✗ {payload['sceneId']}: {payload['error']}")
