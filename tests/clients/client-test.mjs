// Drives the running ResourceHub API with @odata/client, a third-party OData v4 client, the way an
// integrator would: read $metadata, create entities, run a filtered, ordered, paged query, count.
// Env: RH_BASE (e.g. http://127.0.0.1:5099/odata), RH_TOKEN (a vendor token). Exit code 0 = pass.
import assert from "node:assert/strict";
import { OData } from "@odata/client";

const base = process.env.RH_BASE;
const token = process.env.RH_TOKEN;
assert.ok(base && token, "RH_BASE and RH_TOKEN are required");
const auth = { Authorization: `Bearer ${token}` };

// 1. $metadata, both CSDL forms: the sets, the key and the property types the client will use.
const xml = await (await fetch(`${base}/$metadata`)).text();
assert.match(xml, /<EntitySet Name="Resources" EntityType="ResourceHub\.Resource"/);
const csdl = await (await fetch(`${base}/$metadata?$format=json`)).json();
const resourceType = csdl.ResourceHub.Resource;
assert.deepEqual(resourceType.$Key, ["Id"]);
assert.equal(resourceType.Tags.$Collection, true);
assert.equal(resourceType.CreatedAt.$Type, "Edm.DateTimeOffset");
const setNames = Object.keys(csdl.ResourceHub.Container).filter(k => !k.startsWith("$"));
assert.ok(setNames.includes("Resources") && setNames.includes("Courses"));

// 2. The client, pointed at the service through its metadata URL.
const client = OData.New4({ metadataUri: `${base}/$metadata`, commonHeaders: auth, processCsrfToken: false });
const resources = client.getEntitySet("Resources");

const marker = `client-${Date.now()}`;
const titles = ["甲 圆的面积", "乙 函数图像", "丙 阅读理解", "丁 Newton 定律", "戊 几何"];
for (const title of titles) {
  const created = await resources.create({
    Kind: "micro-lesson", Title: title, Subject: "math", Stage: "primary", Tags: [marker, "六年级"], Topics: ["it-integration"],
  });
  assert.equal(created.Title, title);
  assert.match(created["@odata.etag"], /^W\/"\d+"$/);
}

// 3. Filtered, ordered, paged: Tags/any(...) and contains(...) through the client's own filter builder.
const filter = client.newFilter().field("Subject").eqString("math");
const param = client.newParam()
  .filter(`${filter.build()} and Tags/any(t: t eq '${marker}') and contains(Title,'的')`)
  .orderby([{ field: "Title", order: "desc" }])
  .top(2).skip(0).count(true);
const page1 = await resources.query(param);
assert.deepEqual(page1.map(r => r.Title), ["甲 圆的面积"]);
const all = await resources.query(client.newParam().filter(`Tags/any(t: t eq '${marker}')`).orderby([{ field: "Title", order: "asc" }]).top(3).skip(2));
const expected = [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).slice(2, 5);
assert.deepEqual(all.map(r => r.Title), expected);

// 4. Server-driven paging with the client's query string, followed through @odata.nextLink.
const query = client.newParam().filter(`Tags/any(t: t eq '${marker}')`).orderby([{ field: "Title", order: "asc" }]).select(["Id", "Title"]).toString();
let url = `${base}/Resources?${query}`;
const seen = [];
while (url) {
  const response = await fetch(url, { headers: { ...auth, Prefer: "odata.maxpagesize=2" } });
  assert.equal(response.status, 200);
  const body = await response.json();
  seen.push(...body.value.map(v => v.Title));
  url = body["@odata.nextLink"];
}
assert.deepEqual(seen, [...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

// 5. Count and read back by key.
assert.equal(await resources.count(client.newFilter().field("Subject").eqString("math")) >= 5, true);
const one = (await resources.query(client.newParam().filter(`Title eq '乙 函数图像'`)))[0];
// This client quotes every string key ('…'), which Edm.Guid keys do not take; read by key over plain HTTP.
const read = await (await fetch(`${base}/Resources(${one.Id})`, { headers: auth })).json();
assert.equal(read.Title, "乙 函数图像");
assert.equal(read["@odata.context"], `${base}/$metadata#Resources/$entity`);

console.log(`client test passed: ${titles.length} created, ${page1.length}+${all.length} queried, ${seen.length} paged`);
