import { isObject } from "./group-shared-6CC45263.js";
import { parseJson } from "./group-shared-6CC45263.js";
import "./group-shared-6CC45263.js";
import { ActionError } from "./group-shared-6CC45263.js";


// src/dynatrace/pages.ts
async function readPages(list, api) {
  const result = {
    entries: [],
    unreadable: 0,
    complete: false
  };
  let op = list.first;
  for (let page = 1; page <= list.maxPages; page++) {
    const response = await api.send(op);
    if (response.status !== 200) {
      throw new ActionError(await api.failed(response));
    }
    const body = parseJson(response.text);
    const items = isObject(body) ? body[list.items] : void 0;
    if (!isObject(body) || !Array.isArray(items))
      throw new ActionError(list.notAList);
    for (const item of items) {
      const id = isObject(item) ? item[list.id.field] : void 0;
      if (isObject(item) && typeof id === "string" && list.id.shape.test(id))
        result.entries.push(entry(id, item, list.fields));
      else result.unreadable++;
    }
    const seen = result.entries.length + result.unreadable;
    const next = list.next(body, items.length, seen);
    if (next === void 0) {
      result.complete = true;
      break;
    }
    op = next;
  }
  return result;
}
function entry(id, item, fields) {
  const picked = Object.fromEntries(fields.map((f) => [f, item[f]]));
  return { ...picked, id };
}
export {
  readPages
};
