#!/usr/bin/env python3
"""First drafts of OpenAPI operations from what the API tests exchanged.

    CHIBO_API_RECORD=/tmp/x.jsonl ctest -R 'MeetingsFlow' ; scripts/openapi_bootstrap.py /tmp/x.jsonl

Every route headed in docs/api.md ("### METHOD /api/v1/...") that has no operation in
docs/openapi.json gets one: its summary from the first sentence under the heading, its path
and query parameters, a request body and one schema per answered status inferred from the
recorded bodies. Operations already in the file are left exactly as they are, so hand edits
(required fields, enums, nullable fields, descriptions) survive. A draft is only a start:
an inferred schema knows nothing of values the tests never produced.
"""
import json
import re
import sys
from collections import OrderedDict

SRC = __file__.rsplit('/scripts/', 1)[0]
SPEC = SRC + '/docs/openapi.json'
DOCS = SRC + '/docs/api.md'
DATE = re.compile(r'^\d{4}-\d{2}-\d{2}$')
DATETIME = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$')
PARAM = re.compile(r'\{(\w+)\}')
ERRORS = {400: 'BadRequest', 401: 'Unauthenticated', 403: 'Forbidden', 404: 'NotFound', 409: 'Conflict',
          411: 'LengthRequired', 413: 'TooLarge', 414: 'UrlTooLong', 415: 'UnsupportedMediaType',
          422: 'Invalid', 429: 'RateLimited', 431: 'HeadersTooLarge', 500: 'InternalError', 503: 'Unavailable'}


def routes():
    """(method, path, summary) in the order docs/api.md documents them."""
    out, lines = [], open(DOCS, encoding='utf-8').read().split('\n')
    for i, line in enumerate(lines):
        m = re.match(r'^### (GET|POST|PUT|PATCH|DELETE) (/api/v1/\S+)', line)
        if m:
            text = ' '.join(l for l in lines[i + 1:i + 4] if l and not l.startswith('#'))
            out.append((m[1], m[2], re.split(r'(?<=\.) ', text)[0][:160]))
    return out


def regex(path):
    def sub(m):
        return '[0-9a-f]{64}' if m[1] == 'token' else '[0-9]{1,18}'
    return re.compile('^' + PARAM.sub(sub, re.escape(path).replace(r'\{', '{').replace(r'\}', '}')) + '$')


def infer(values):
    values = list(values)
    kinds = set()
    for v in values:
        kinds.add('null' if v is None else 'boolean' if isinstance(v, bool) else 'integer' if isinstance(v, int)
                  else 'number' if isinstance(v, float) else 'string' if isinstance(v, str)
                  else 'array' if isinstance(v, list) else 'object')
    if 'integer' in kinds and 'number' in kinds:
        kinds.discard('integer')
    s = OrderedDict()
    real = sorted(kinds - {'null'})
    if not real:
        return {'description': 'TODO: only null was seen'} if kinds else {}
    s['type'] = real[0] if len(real) == 1 and 'null' not in kinds else real + (['null'] if 'null' in kinds else [])
    if real == ['string']:
        strs = [v for v in values if isinstance(v, str)]
        if strs and all(DATE.match(v) for v in strs):
            s['format'] = 'date'
        elif strs and all(DATETIME.match(v) for v in strs):
            s['format'] = 'date-time'
    if 'object' in kinds:
        objs = [v for v in values if isinstance(v, dict)]
        keys = OrderedDict()
        for o in objs:
            for k in o:
                keys[k] = True
        if keys and all(re.match(r'^[0-9]+$|^\d{4}-\d{2}(-\d{2})?$', k) for k in keys):
            s['additionalProperties'] = infer(v for o in objs for v in o.values())
        else:
            s['properties'] = OrderedDict((k, infer(o[k] for o in objs if k in o)) for k in keys)
            s['required'] = [k for k in keys if all(k in o for o in objs)]
            s['additionalProperties'] = False
    if 'array' in kinds:
        s['items'] = infer(x for v in values if isinstance(v, list) for x in v)
    return s


def operation_id(method, path):
    words = [w for w in re.split(r'[/.\-]', PARAM.sub('', path)) if w and w not in ('api', 'v1')]
    name = method.lower() + ''.join(w[:1].upper() + w[1:] for w in words)
    return name + ('ById' if path.endswith('}') else '')


def main(record_file):
    spec = json.load(open(SPEC, encoding='utf-8'), object_pairs_hook=OrderedDict)
    comps = spec.setdefault('components', OrderedDict())
    schemas = comps.setdefault('schemas', OrderedDict())
    responses = comps.setdefault('responses', OrderedDict())
    for status, name in ERRORS.items():
        responses.setdefault(name, {'description': f'{status}: problem details',
                                    'content': {'application/problem+json': {'schema': {'$ref': '#/components/schemas/Problem'}}}})
    ex = [json.loads(l) for l in open(record_file, encoding='utf-8') if l.strip()]
    table = routes()
    matchers = [(m, p, regex(p)) for m, p, _ in table]
    seen = {}
    for x in ex:
        path = x['target'].split('?')[0]
        for m, p, r in matchers:
            if m == x['method'] and r.match(path):
                seen.setdefault((m, p), []).append(x)
                break
    old_paths = spec.get('paths', OrderedDict())
    paths = OrderedDict()
    for method, path, summary in table:
        item = paths.setdefault(path, old_paths.get(path, OrderedDict()))
        if method.lower() in item:
            continue
        xs = seen.get((method, path), [])
        op = OrderedDict(operationId=operation_id(method, path), summary=summary or 'TODO')
        params = [OrderedDict([('name', n), ('in', 'path'), ('required', True),
                               ('schema', {'type': 'string', 'pattern': '^[0-9a-f]{64}$'} if n == 'token' else {'type': 'integer', 'minimum': 1})])
                  for n in PARAM.findall(path)]
        queries = OrderedDict()
        for x in xs:
            if '?' in x['target']:
                for kv in x['target'].split('?', 1)[1].split('&'):
                    k, _, v = kv.partition('=')
                    queries.setdefault(k, []).append(v)
        for k, vs in queries.items():
            params.append(OrderedDict([('name', k), ('in', 'query'), ('required', False),
                                       ('schema', {'type': 'integer'} if all(v.isdigit() for v in vs) else {'type': 'string'})]))
        if params:
            op['parameters'] = params
        if method in ('POST', 'PUT', 'PATCH'):
            bodies = []
            for x in xs:
                try:
                    b = json.loads(x['request']) if x['request'] else None
                except ValueError:
                    b = None
                if isinstance(b, dict) and 200 <= x['status'] < 300:
                    bodies.append(b)
            body = infer(bodies) if bodies else {'type': 'object'}
            body.pop('required', None)
            body.pop('additionalProperties', None)
            op['requestBody'] = {'required': False, 'content': {'application/json': {'schema': body}}}
        res = OrderedDict()
        by_status = OrderedDict()
        for x in sorted(xs, key=lambda x: x['status']):
            by_status.setdefault(x['status'], []).append(x)
        for status, group in by_status.items():
            ct = group[0]['content_type'].split(';')[0].strip()
            if status >= 400:
                res[str(status)] = {'$ref': '#/components/responses/' + ERRORS.get(status, 'InternalError')}
            elif status == 204 or not ct:
                res[str(status)] = {'description': 'Done; no body.'}
            elif ct == 'application/json':
                name = op['operationId'][:1].upper() + op['operationId'][1:] + ('' if status == 200 else str(status))
                schemas[name] = infer(json.loads(x['body']) for x in group if x['body'])
                res[str(status)] = {'description': 'OK',
                                    'content': {ct: {'schema': {'$ref': '#/components/schemas/' + name}}}}
            else:
                res[str(status)] = {'description': 'The file.',
                                    'content': {ct: {'schema': {'type': 'string', 'format': 'binary'}}}}
        if not any(s.startswith('2') for s in res):
            # Nothing recorded: any JSON is accepted until someone describes the answer.
            unknown = {'description': 'TODO: no successful answer was recorded; not yet described.',
                       'content': {'application/json': {'schema': {}}}}
            if method != 'GET':
                res['204'] = {'description': 'Done; no body.'}
            if method != 'DELETE':
                res['200'] = dict(unknown)
                if method == 'POST':
                    res['201'] = dict(unknown)
        auth = path not in ('/api/v1/health', '/api/v1/openapi.json', '/api/v1/auth/login', '/api/v1/checkin',
                            '/api/v1/auth/activation', '/api/v1/auth/activate') and '{token}' not in path
        defaults = []
        if auth:
            defaults += [401, 403]
        if params or auth:
            defaults.append(404)
        if method in ('POST', 'PUT', 'PATCH'):
            defaults += [400, 413, 415, 422]
        for s in defaults:
            res.setdefault(str(s), {'$ref': '#/components/responses/' + ERRORS[s]})
        op['responses'] = OrderedDict(sorted(res.items()))
        if not auth:
            op['security'] = []
        item[method.lower()] = op
    spec['paths'] = paths
    json.dump(spec, open(SPEC, 'w', encoding='utf-8'), indent=2, ensure_ascii=False)
    open(SPEC, 'a').write('\n')


if __name__ == '__main__':
    main(sys.argv[1])
