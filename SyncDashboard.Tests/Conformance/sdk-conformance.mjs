// Todoist's own TypeScript SDK (@doist/todoist-sdk) as a client of the SyncDashboard simulator.
//
// TodoistSdkConformanceFacts starts this script with node and talks to it in JSON lines: one command per line on
// stdin, one answer per line on stdout. The first line out is {"ready": true, "webhookUrl": ..., "sdk": version}:
// the script also listens for the simulator's webhook deliveries and checks each with the SDK.
//
// Every verdict comes from the SDK itself: api.sync() validates a sync response with its zod schemas, the exported
// SyncResponseSchema / SyncErrorSchema check raw bodies (after the SDK's own snake_case to camelCase conversion),
// parseWebhookPayload and verifyWebhookSignature check webhook deliveries.
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
    TodoistApi,
    SyncErrorSchema,
    SyncResponseSchema,
    parseWebhookPayload,
    verifyWebhookSignature,
} from '@doist/todoist-sdk';
// The SDK converts every body it receives with this function before validating it; the package does not export it.
import { camelCaseKeys } from './node_modules/@doist/todoist-sdk/dist/esm/utils/case-conversion.js';

const sdkVersion = JSON.parse(
    readFileSync(new URL('./node_modules/@doist/todoist-sdk/package.json', import.meta.url), 'utf8'),
).version;

let baseUrl = null;
let token = null;
let clientSecret = null;
const deliveries = [];

const MaxIssues = 12;

/** A zod error as a short list of "where: what" lines. */
function issuesOf(error) {
    return (error?.issues ?? []).slice(0, MaxIssues).map((issue) => ({
        path: issue.path.join('.'),
        message: issue.message,
    }));
}

function verdictOf(schema, body) {
    const result = schema.safeParse(camelCaseKeys(body));
    return result.success ? { valid: true, issues: [] } : { valid: false, issues: issuesOf(result.error) };
}

function countsOf(response) {
    const counts = {};
    for (const [key, value] of Object.entries(response)) {
        if (Array.isArray(value)) counts[key] = value.length;
    }
    return counts;
}

/** A sync through the SDK's own client: the request it builds, the parsing it does, the errors it raises. */
async function sync(command) {
    const api = new TodoistApi(command.token ?? token, { baseUrl });
    const request = {};
    if (command.syncToken !== undefined) request.syncToken = command.syncToken;
    if (command.resourceTypes !== undefined) request.resourceTypes = command.resourceTypes;
    if (command.commands !== undefined) request.commands = command.commands;
    try {
        const response = await api.sync(request);
        return {
            ok: true,
            syncToken: response.syncToken ?? null,
            fullSync: response.fullSync ?? null,
            keys: Object.keys(response),
            counts: countsOf(response),
            // Parsed objects come back with the SDK's own additions (url, isUncompletable): proof they went through it.
            sample: Object.fromEntries(
                Object.entries(response)
                    .filter(([, value]) => Array.isArray(value) && value.length > 0)
                    .map(([key, value]) => [key, Object.keys(value[0])]),
            ),
        };
    } catch (error) {
        if (Array.isArray(error?.issues)) {
            return { ok: false, kind: 'schema', issues: issuesOf(error) };
        }
        if (error?.name === 'TodoistRequestError') {
            const data = error.responseData;
            const isErrorBody = data !== null && typeof data === 'object' && 'error_tag' in data;
            return {
                ok: false,
                kind: 'request',
                status: error.httpStatusCode ?? null,
                message: error.message,
                errorBody: isErrorBody ? { ...verdictOf(SyncErrorSchema, data), body: data } : null,
                data: isErrorBody ? null : (data ?? null),
            };
        }
        return { ok: false, kind: 'other', message: String(error?.stack ?? error) };
    }
}

/** A request the SDK cannot make (another path, method or body); the answer is checked with the SDK's schemas. */
async function raw(command) {
    const headers = { ...(command.headers ?? {}) };
    if (command.token !== null) headers.Authorization = `Bearer ${command.token ?? token}`;
    if (command.contentType) headers['Content-Type'] = command.contentType;
    const response = await fetch(new URL(command.path, baseUrl), {
        method: command.method ?? 'POST',
        headers,
        body: command.body,
    });
    const text = await response.text();
    let body;
    try {
        body = JSON.parse(text);
    } catch {
        return { status: response.status, json: false, text: text.slice(0, 500) };
    }
    const schema = response.status === 200 ? SyncResponseSchema : SyncErrorSchema;
    return {
        status: response.status,
        json: true,
        contentType: response.headers.get('content-type'),
        retryAfter: response.headers.get('retry-after'),
        ...verdictOf(schema, body),
        body,
    };
}

/** Checks a body the test hands over, as the SDK would check it had it fetched it. */
function parse(command) {
    switch (command.schema) {
        case 'sync':
            return verdictOf(SyncResponseSchema, command.body);
        case 'error':
            return verdictOf(SyncErrorSchema, command.body);
        case 'webhook':
            try {
                parseWebhookPayload(command.body);
                return { valid: true, issues: [] };
            } catch (error) {
                const issues = issuesOf(error);
                return { valid: false, issues, ...(issues.length > 0 ? {} : { message: String(error?.message ?? error) }) };
            }
        default:
            throw new Error(`Unknown schema ${command.schema}`);
    }
}

async function receive(request, response) {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const rawBody = Buffer.concat(chunks);
    response.writeHead(200).end();

    const delivery = {
        method: request.method,
        userAgent: request.headers['user-agent'] ?? null,
        contentType: request.headers['content-type'] ?? null,
        deliveryId: request.headers['x-todoist-delivery-id'] ?? null,
        signatureValid: await verifyWebhookSignature({
            rawBody: new Uint8Array(rawBody),
            signature: request.headers['x-todoist-hmac-sha256'] ?? '',
            clientSecret: clientSecret ?? '',
        }),
    };
    try {
        const body = JSON.parse(rawBody.toString('utf8'));
        delivery.eventName = body.event_name ?? null;
        delivery.hasExtra = 'event_data_extra' in body;
        const payload = parseWebhookPayload(body);
        Object.assign(delivery, { valid: true, issues: [], parsedEvent: payload.eventName });
    } catch (error) {
        const issues = issuesOf(error);
        Object.assign(delivery, { valid: false, issues }, issues.length > 0 ? {} : { message: String(error?.message ?? error) });
    }
    deliveries.push(delivery);
}

async function handle(command) {
    switch (command.op) {
        case 'use':
            ({ baseUrl, token, clientSecret } = command);
            return { ok: true };
        case 'sync':
            return sync(command);
        case 'raw':
            return raw(command);
        case 'parse':
            return parse(command);
        case 'webhooks':
            return { deliveries };
        default:
            throw new Error(`Unknown op ${command.op}`);
    }
}

const server = createServer((request, response) => {
    receive(request, response).catch((error) => {
        deliveries.push({ valid: false, issues: [], message: String(error?.stack ?? error) });
    });
});
server.listen(0, '127.0.0.1', async () => {
    const { port } = server.address();
    const write = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);
    write({ ready: true, webhookUrl: `http://127.0.0.1:${port}/webhooks/todoist`, sdk: sdkVersion, node: process.version });

    // One command at a time, in order: each answer is written before the next line is read.
    for await (const line of createInterface({ input: process.stdin })) {
        if (line.trim().length === 0) continue;
        try {
            write(await handle(JSON.parse(line)));
        } catch (error) {
            write({ ok: false, kind: 'script', message: String(error?.stack ?? error) });
        }
    }
    server.close();
});
