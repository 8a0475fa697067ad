// Checks peer.mjs without Hearth: a minimal Fedify Group (the circle "perinatal") answers the
// peer's Follow with an Accept, announces a thread to it, and must then receive the peer's reply
// with a valid HTTP signature. The peer runs as a child process driven over stdin/stdout, exactly
// as the Java tests drive it.
//
//   node selfcheck.mjs                    the group accepts RFC 9421 and draft-cavage signatures
//   node selfcheck.mjs --reject-rfc9421   the group answers 401 to RFC 9421, like a
//                                         draft-cavage-only server, to show Fedify's fallback
//   node selfcheck.mjs --quiet            no wire dump, only the verdict
//
// Exits 0 only if follow -> accept -> announce -> reply-received-and-verified all happened.
import {
    Accept, Activity, Announce, Create, Endpoints, Follow, Group, Page, Person, PUBLIC_COLLECTION,
    createFederation, generateCryptoKeyPair, MemoryKvStore, verifyRequest,
} from "@fedify/fedify";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { serve, signatureScheme } from "./peer.mjs";

const STEP_TIMEOUT_MS = 20_000;
const rejectRfc9421 = process.argv.includes("--reject-rfc9421");
const quiet = process.argv.includes("--quiet");

function say(what, data) {
    process.stdout.write(`[selfcheck] ${what}${data === undefined ? "" : " " + JSON.stringify(data, null, quiet ? 0 : 2)}\n`);
}

/** Every POST the group received, in order, with what its own signature check concluded. */
const posts = [];
/** Activities Fedify's inbox listeners of the group accepted (so after its own verification). */
const accepted = [];

function buildGroup(origin) {
    const federation = createFederation({ kv: new MemoryKvStore(), origin, allowPrivateAddress: true });
    const keys = new Map();
    const keysOf = (identifier) => {
        if (!keys.has(identifier)) {
            keys.set(identifier, Promise.all([
                generateCryptoKeyPair("RSASSA-PKCS1-v1_5"), generateCryptoKeyPair("Ed25519"),
            ]));
        }
        return keys.get(identifier);
    };
    const followers = new Map();
    federation
        .setActorDispatcher("/users/{identifier}", async (ctx, identifier) => {
            if (identifier !== "perinatal" && identifier !== "bob") return null;
            const pairs = await ctx.getActorKeyPairs(identifier);
            const common = {
                id: ctx.getActorUri(identifier),
                preferredUsername: identifier,
                inbox: ctx.getInboxUri(identifier),
                endpoints: new Endpoints({ sharedInbox: ctx.getInboxUri() }),
                publicKey: pairs[0].cryptographicKey,
                assertionMethods: pairs.map((pair) => pair.multikey),
            };
            return identifier === "perinatal"
                ? new Group({ ...common, name: "Perinatal", followers: ctx.getFollowersUri(identifier) })
                : new Person({ ...common, name: "Bob" });
        })
        .setKeyPairsDispatcher((ctx, identifier) => keysOf(identifier));
    federation.setFollowersDispatcher("/users/{identifier}/followers", (ctx, identifier) =>
        identifier === "perinatal" ? { items: [...followers.values()] } : null);

    federation
        .setInboxListeners("/users/{identifier}/inbox", "/inbox")
        .withIdempotency("per-inbox")
        .on(Follow, async (ctx, follow) => {
            accepted.push({ type: "Follow", id: follow.id?.href });
            const follower = await follow.getActor(ctx);
            if (follower == null) throw new Error("the Follow names no actor that can be fetched");
            followers.set(follower.id.href, follower);
            const group = ctx.getActorUri("perinatal");
            await ctx.sendActivity({ identifier: "perinatal" }, follower, new Accept({
                id: new URL(`/activities/accept-${Date.now()}`, origin), actor: group, object: follow,
            }));
            await ctx.sendActivity({ identifier: "perinatal" }, follower, threadAnnouncement(ctx, origin));
        })
        .on(Create, (ctx, create) => {
            accepted.push({ type: "Create", id: create.id?.href, object: create.objectId?.href });
        })
        .on(Activity, (ctx, activity) => {
            accepted.push({ type: activity.constructor.name, id: activity.id?.href });
        });
    return federation;
}

/** A new thread, the way a circle distributes it: Announce{ Create{ Page } }. */
function threadAnnouncement(ctx, origin) {
    const group = ctx.getActorUri("perinatal");
    const bob = ctx.getActorUri("bob");
    const page = new Page({
        id: new URL("/threads/1", origin),
        attribution: bob,
        name: "Sleep after the birth",
        content: "<p>How do you all manage sleep?</p>",
        audience: group,
        contexts: [new URL("/threads/1/context", origin)],
        tos: [group, PUBLIC_COLLECTION],
    });
    const create = new Create({
        id: new URL("/threads/1/create", origin), actor: bob, object: page, audience: group,
        tos: [group, PUBLIC_COLLECTION],
    });
    return new Announce({
        id: new URL("/activities/announce-1", origin), actor: group, object: create, audience: group,
        tos: [PUBLIC_COLLECTION], ccs: [ctx.getFollowersUri("perinatal")],
    });
}

/** The group's HTTP side: records each POST and checks its HTTP signature independently. */
function groupHandler(federation, ctx) {
    return async (request) => {
        if (request.method !== "POST") return federation.fetch(request, { contextData: undefined });
        const record = {
            path: new URL(request.url).pathname,
            sig: signatureScheme(request.headers),
            headers: Object.fromEntries(request.headers),
            body: await request.clone().json().catch(() => null),
        };
        posts.push(record);
        if (rejectRfc9421 && record.sig === "rfc9421") {
            record.status = 401;
            return new Response("RFC 9421 signatures are not accepted here.", { status: 401 });
        }
        const key = await verifyRequest(request.clone(), {
            documentLoader: ctx.documentLoader, contextLoader: ctx.contextLoader,
        });
        record.httpSignatureKey = key?.id?.href ?? null;
        const response = await federation.fetch(request, { contextData: undefined });
        record.status = response.status;
        return response;
    };
}

/** Runs peer.mjs as a child and turns its stdout into awaitable events. */
function startPeer() {
    const child = spawn(process.execPath, [fileURLToPath(new URL("./peer.mjs", import.meta.url)), "--port", "0"],
        { stdio: ["pipe", "pipe", "pipe"] });
    const stderr = [];
    child.stderr.on("data", (chunk) => stderr.push(chunk));
    const backlog = [];
    const waiters = [];
    createInterface({ input: child.stdout }).on("line", (line) => {
        const event = JSON.parse(line);
        say("peer event", quiet ? { event: event.event, id: event.id ?? event.activity, sig: event.sig }
            : event.event === "announce" ? { ...event, activity: "(below)" } : event);
        backlog.push(event);
        for (const waiter of [...waiters]) waiter();
    });
    const awaitEvent = (name) => new Promise((resolve, reject) => {
        const check = () => {
            const index = backlog.findIndex((event) => event.event === name || event.event === "error");
            if (index < 0) return false;
            const [event] = backlog.splice(index, 1);
            waiters.splice(waiters.indexOf(check), 1);
            clearTimeout(timer);
            if (event.event === "error") reject(new Error(`peer error while waiting for ${name}: ${event.message}`));
            else resolve(event);
            return true;
        };
        const timer = setTimeout(() => {
            waiters.splice(waiters.indexOf(check), 1);
            reject(new Error(`no "${name}" event within ${STEP_TIMEOUT_MS} ms`));
        }, STEP_TIMEOUT_MS);
        waiters.push(check);
        check();
    });
    const send = (command) => child.stdin.write(JSON.stringify(command) + "\n");
    const exited = new Promise((resolve) => child.on("exit", (code) => resolve(code)));
    return { child, send, awaitEvent, exited, stderr: () => Buffer.concat(stderr).toString() };
}

async function until(what, predicate) {
    const deadline = Date.now() + STEP_TIMEOUT_MS;
    while (Date.now() < deadline) {
        const found = predicate();
        if (found) return found;
        await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
}

function check(condition, message) {
    if (!condition) throw new Error(message);
}

async function main() {
    let federation = null;
    let ctx = null;
    const { server, port } = await serve(0, (request) => groupHandler(federation, ctx)(request));
    const origin = `http://127.0.0.1:${port}`;
    federation = buildGroup(origin);
    ctx = federation.createContext(new URL(origin), undefined);
    const groupId = `${origin}/users/perinatal`;
    say(`group ${groupId}${rejectRfc9421 ? " (rejects RFC 9421)" : ""}`);

    const peer = startPeer();
    try {
        const ready = await peer.awaitEvent("ready");
        peer.send({ cmd: "follow", handle: `perinatal@127.0.0.1:${port}` });
        const following = await peer.awaitEvent("following");
        check(following.group === groupId, `followed ${following.group}, not ${groupId}`);
        const accept = await peer.awaitEvent("accept");
        check(accept.actor === groupId && accept.follow === following.follow, "the Accept does not match the Follow");
        const announce = await peer.awaitEvent("announce");
        check(announce.object?.type === "Create" && announce.object?.object?.type === "Page",
            "the announced object is not a Create(Page)");
        if (!quiet) say("announce as the peer received it", announce.activity);

        const page = announce.object.object;
        peer.send({
            cmd: "reply", inReplyTo: page.id, context: page.context ?? null, audience: groupId,
            content: "<p>Short naps helped me.</p>", source: "Short naps helped me.",
        });
        const sent = await peer.awaitEvent("sent");
        const reply = await until("the reply at the group", () =>
            posts.find((post) => post.body?.id === sent.activity && post.httpSignatureKey != null));
        await until("the group's inbox listener to accept the reply", () =>
            accepted.find((activity) => activity.type === "Create" && activity.id === sent.activity));
        check(reply.httpSignatureKey === `${ready.actor}#main-key`,
            `the reply was signed by ${reply.httpSignatureKey}, not by ${ready.actor}#main-key`);

        if (!quiet) {
            for (const post of posts) {
                say(`POST ${post.path} sig=${post.sig} -> ${post.status} verifiedKey=${post.httpSignatureKey ?? "-"}`,
                    { headers: post.headers, body: post.body });
            }
        }
        say("inbound at the group, in order", posts.map((post) =>
            `${post.body?.type} ${post.sig} -> ${post.status}`));
        peer.send({ cmd: "quit" });
        const code = await Promise.race([peer.exited, new Promise((resolve) => setTimeout(() => resolve("hung"), 5000))]);
        check(code === 0, `the peer did not quit cleanly: ${code}`);
        say("OK: follow -> accept -> announce -> reply received with a valid HTTP signature");
        server.close();
        process.exit(0);
    } catch (error) {
        say(`FAILED: ${error.message}`);
        say("peer stderr:\n" + peer.stderr());
        peer.child.kill("SIGKILL");
        server.close();
        process.exit(1);
    }
}

await main();
