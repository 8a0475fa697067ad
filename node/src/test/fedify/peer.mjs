// An interop test peer for Hearth built on Fedify: one Person actor (alice) that can follow a
// Hearth circle (a Group actor) and reply to its threads, driven over stdin/stdout.
//
//   node peer.mjs --port 8090          (or PEER_PORT=8090; 0 picks a free port; PEER_LOG=debug)
//
// stdin: one JSON command per line
//   {"cmd":"follow","handle":"perinatal@127.0.0.1:8081"}
//       -> {"event":"following","group":<id>,"inbox":<url>,"follow":<Follow id>}
//   {"cmd":"reply","inReplyTo":<id>,"context":<id|null>,"audience":<group id>,"content":<html>,"source":<md>}
//       -> {"event":"sent","activity":<Create id>,"note":<Note id>}
//   {"cmd":"quit"}                     (closing stdin does the same)
//   A command that fails answers {"event":"error","cmd":...,"message":...} instead.
// stdout: one JSON event per line, starting with {"event":"ready","actor":<alice's id>,"port":<port>}.
//   Activities the inbox accepted:
//     {"event":"accept"|"reject","id","actor","follow","sig","raw"}
//     {"event":"announce","id","actor","object":<announced object as received>,"activity":<raw>,"sig"}
//     {"event":"activity","type","id","actor","sig","raw"}            anything else
//     {"event":"duplicate","id","path","sig"}                          Fedify saw this id already
//   Inbox requests that were refused:
//     {"event":"unverified","path","status":401,"reason","sig","details":[why, from Fedify's log]}
//     {"event":"inbox_error","path","status","reason","sig"}
//   "sig" is the HTTP signature scheme the request carried: "rfc9421", "draft-cavage" or "none".
// stderr: logs (Fedify's own, through LogTape), for humans only.
//
// Fedify calls the inbox listeners only after the activity was authenticated: by its HTTP
// signature, or by a Linked Data Signature or Object Integrity Proof in the body.
import {
    Accept, Activity, Announce, Create, Endpoints, Follow, Note, Person, PUBLIC_COLLECTION, Reject,
    Source, createFederation, generateCryptoKeyPair, MemoryKvStore,
} from "@fedify/fedify";
import { Temporal } from "@js-temporal/polyfill";
import { configure, getLogger, getTextFormatter } from "@logtape/logtape";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";

/** Per inbound request: its raw JSON body, its signature scheme, and why verification failed. */
const inbound = new AsyncLocalStorage();

/**
 * Fedify's WebFinger client always asks https://host/.well-known/webfinger for an acct: handle.
 * Test servers on loopback speak plain http, so exactly that request (https, loopback host,
 * WebFinger path) is sent over http instead; every other request is left alone.
 */
export function useHttpForLoopbackWebFinger() {
    const loopbackWebFinger = /^https:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\/\.well-known\/webfinger\?/;
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
        const url = input instanceof Request ? input.url : String(input);
        if (!loopbackWebFinger.test(url)) {
            return realFetch(input, init);
        }
        const plain = "http" + url.slice("https".length);
        return realFetch(input instanceof Request ? new Request(plain, input) : plain, init);
    };
}

/** The HTTP signature scheme a request carries, judged from its headers. */
export function signatureScheme(headers) {
    if (headers.has("signature-input")) return "rfc9421";
    if (headers.has("signature")) return "draft-cavage";
    return "none";
}

/**
 * Serves `handle(Request) => Response` on 127.0.0.1:port with node:http and resolves to the
 * bound port once listening (port 0 picks a free one).
 */
export function serve(port, handle) {
    const server = createServer(async (req, res) => {
        try {
            const chunks = [];
            for await (const chunk of req) chunks.push(chunk);
            const headers = new Headers();
            for (let i = 0; i < req.rawHeaders.length; i += 2) {
                headers.append(req.rawHeaders[i], req.rawHeaders[i + 1]);
            }
            const hasBody = req.method !== "GET" && req.method !== "HEAD";
            const request = new Request(new URL(req.url, `http://${req.headers.host}`), {
                method: req.method, headers, body: hasBody ? Buffer.concat(chunks) : undefined,
            });
            const response = await handle(request);
            res.writeHead(response.status, [...response.headers].flat());
            res.end(Buffer.from(await response.arrayBuffer()));
        } catch (error) {
            process.stderr.write(`request failed: ${error?.stack ?? error}\n`);
            if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
            res.end("internal error");
        }
    });
    return new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port, "127.0.0.1", () => resolve({ server, port: server.address().port }));
    });
}

/**
 * Sends Fedify's logs to stderr. Signature verification failures are logged by Fedify at debug
 * level under ["fedify", "sig"]; they are also kept with the request so an "unverified" event
 * can say why.
 */
async function configureLogging() {
    const text = getTextFormatter();
    await configure({
        contextLocalStorage: new AsyncLocalStorage(),
        sinks: {
            stderr: (record) => process.stderr.write(text(record)),
            reasons: (record) => {
                const message = record.message.map((part) =>
                    typeof part === "string" ? part : JSON.stringify(part) ?? String(part)).join("");
                inbound.getStore()?.reasons.push(message.slice(0, 2000));
            },
        },
        loggers: [
            { category: ["fedify"], lowestLevel: process.env.PEER_LOG ?? "info", sinks: ["stderr"] },
            { category: ["fedify", "sig"], lowestLevel: "debug", sinks: ["reasons"] },
            { category: ["logtape", "meta"], lowestLevel: "warning", sinks: ["stderr"] },
        ],
    });
}

function emit(event) {
    process.stdout.write(JSON.stringify(event) + "\n");
}

/** What the listeners add to every inbound event: the scheme, and the raw body as received. */
function received() {
    const store = inbound.getStore();
    return { sig: store?.sig ?? "unknown", raw: store?.raw };
}

function buildFederation(origin) {
    const federation = createFederation({
        kv: new MemoryKvStore(),
        origin,
        allowPrivateAddress: true,
    });
    // Keys live only as long as the process: a new peer is a new identity.
    const keys = Promise.all([
        generateCryptoKeyPair("RSASSA-PKCS1-v1_5"),
        generateCryptoKeyPair("Ed25519"),
    ]);
    federation
        .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
            if (identifier !== "alice") return null;
            const pairs = await ctx.getActorKeyPairs(identifier);
            return new Person({
                id: ctx.getActorUri(identifier),
                preferredUsername: identifier,
                name: "Alice (Fedify interop peer)",
                inbox: ctx.getInboxUri(identifier),
                endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
                publicKey: pairs[0].cryptographicKey,
                assertionMethods: pairs.map((pair) => pair.multikey),
            });
        })
        .mapHandle((ctx, username) => username === "alice" ? "alice" : null)
        // The RSA pair comes first so that it is <actor>#main-key.
        .setKeyPairsDispatcher(async (ctx, identifier) => identifier === "alice" ? await keys : []);

    const notes = new Map();
    federation.setObjectDispatcher(Note, "/notes/{id}", (ctx, values) => notes.get(values.id) ?? null);

    federation
        .setInboxListeners("/users/{identifier}/inbox", "/inbox")
        .withIdempotency("per-inbox")
        .on(Accept, (ctx, accept) => emit({
            event: "accept", id: accept.id?.href, actor: accept.actorId?.href,
            follow: accept.objectId?.href, ...received(),
        }))
        .on(Reject, (ctx, reject) => emit({
            event: "reject", id: reject.id?.href, actor: reject.actorId?.href,
            follow: reject.objectId?.href, ...received(),
        }))
        .on(Announce, (ctx, announce) => {
            const { sig, raw } = received();
            emit({
                event: "announce", id: announce.id?.href, actor: announce.actorId?.href,
                object: raw?.object, activity: raw, sig,
            });
        })
        .on(Activity, (ctx, activity) => emit({
            event: "activity", type: activity.constructor.name, id: activity.id?.href,
            actor: activity.actorId?.href, ...received(),
        }));
    return { federation, notes };
}

/** Handles one command; answers with one event (or an "error" event). */
async function runCommand(command, ctx, notes, groups) {
    const alice = { identifier: "alice" };
    const aliceId = ctx.getActorUri("alice");
    switch (command.cmd) {
    case "follow": {
        const group = await ctx.lookupObject(command.handle);
        if (group?.inboxId == null) throw new Error(`no actor with an inbox found for ${command.handle}`);
        groups.set(group.id.href, group);
        const follow = new Follow({
            id: new URL(`/follows/${randomUUID()}`, ctx.origin), actor: aliceId, object: group.id,
        });
        await ctx.sendActivity(alice, group, follow);
        return { event: "following", group: group.id.href, inbox: group.inboxId.href, follow: follow.id.href };
    }
    case "reply": {
        const groupId = command.audience;
        const group = groups.get(groupId) ?? await ctx.lookupObject(groupId);
        if (group?.inboxId == null) throw new Error(`no actor with an inbox found at ${groupId}`);
        groups.set(group.id.href, group);
        const id = randomUUID();
        const to = [group.id, PUBLIC_COLLECTION];
        const cc = group.followersId == null ? [] : [group.followersId];
        const note = new Note({
            id: ctx.getObjectUri(Note, { id }),
            attribution: aliceId,
            content: command.content,
            source: command.source == null ? null
                : new Source({ content: command.source, mediaType: "text/markdown" }),
            replyTarget: new URL(command.inReplyTo),
            contexts: command.context == null ? [] : [new URL(command.context)],
            audience: group.id,
            published: Temporal.Now.instant(),
            tos: to, ccs: cc,
        });
        notes.set(id, note);
        const create = new Create({
            id: new URL(`/activities/${id}`, ctx.origin), actor: aliceId, object: note,
            audience: group.id, tos: to, ccs: cc,
        });
        await ctx.sendActivity(alice, group, create);
        return { event: "sent", activity: create.id.href, note: note.id.href };
    }
    default:
        throw new Error(`unknown command: ${command.cmd}`);
    }
}

async function main() {
    const argPort = process.argv.indexOf("--port");
    const port = Number(argPort >= 0 ? process.argv[argPort + 1] : process.env.PEER_PORT ?? 0);
    await configureLogging();
    useHttpForLoopbackWebFinger();

    let app = null;
    const { server, port: bound } = await serve(port, async (request) => {
        const store = { sig: signatureScheme(request.headers), raw: undefined, reasons: [] };
        if (request.method === "POST") {
            try {
                store.raw = await request.clone().json();
            } catch {
                // Fedify answers malformed JSON with 400 itself.
            }
        }
        const response = await inbound.run(store, () =>
            app.federation.fetch(request, { contextData: undefined }));
        if (request.method === "POST" && response.status === 202
                && (await response.clone().text()).includes("already been processed")) {
            emit({ event: "duplicate", id: store.raw?.id, path: new URL(request.url).pathname, sig: store.sig });
        } else if (request.method === "POST" && !response.ok) {
            const reason = await response.clone().text();
            const path = new URL(request.url).pathname;
            emit(response.status === 401
                ? { event: "unverified", path, status: 401, reason, sig: store.sig, details: store.reasons }
                : { event: "inbox_error", path, status: response.status, reason, sig: store.sig });
        }
        return response;
    });
    const origin = `http://127.0.0.1:${bound}`;
    app = buildFederation(origin);
    const ctx = app.federation.createContext(new URL(origin), undefined);
    const groups = new Map();
    const log = getLogger(["fedify", "peer"]);

    const quit = () => {
        server.closeAllConnections();
        server.close(() => process.exit(0));
    };
    const lines = createInterface({ input: process.stdin });
    lines.on("line", async (line) => {
        if (line.trim() === "") return;
        let command;
        try {
            command = JSON.parse(line);
        } catch {
            emit({ event: "error", message: `not JSON: ${line}` });
            return;
        }
        if (command.cmd === "quit") {
            quit();
            return;
        }
        try {
            emit(await runCommand(command, ctx, app.notes, groups));
        } catch (error) {
            log.error("command {cmd} failed: {error}", { cmd: command.cmd, error });
            emit({ event: "error", cmd: command.cmd, message: String(error?.message ?? error) });
        }
    });
    // The test that drives this peer is gone: do not linger.
    lines.on("close", quit);
    emit({ event: "ready", actor: ctx.getActorUri("alice").href, port: bound });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    await main();
}
