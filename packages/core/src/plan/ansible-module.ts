// long because: the Ansible module is one Python file, kept whole so it reads (and is reviewed) as Python.
// `buildproxy_json`: the module the Ansible playbook runs ON EACH HOST to merge buildproxy's keys into that host's
// own daemon.json or config.json. The plan's after-image belongs to the machine it was made on; copying it to a
// fleet would wipe every other host's own keys, so the playbook carries only the edits (set these leaves, remove
// those), and this module applies them to the text it finds, with apply's safety:
// - a symlink, FIFO, device or oversized file is refused, never followed or waited on (O_NOFOLLOW|O_NONBLOCK);
// - a file that is not UTF-8 JSON, has a duplicate key anywhere (Go keeps the last one, Python too: rewriting would
//   silently drop one), NaN/Infinity, or a non-object on the edit path is refused with where and why, unchanged;
// - the new text goes to a random O_EXCL temporary file beside it, is fsynced and renamed over: atomic; the old one
//   is kept first as a timestamped backup (Ansible's own backup naming), never overwritten;
// - an existing file keeps its owner and mode (a 0600 credential file loses any group/other bits); a new one gets
//   the mode and owner given;
// - check mode computes the same result and the diff, and writes nothing; passwords are masked in the diff.
// The edits arrive as one JSON string marked !unsafe, so Ansible never templates a proxy URL or password.
export const ANSIBLE_JSON_MODULE = String.raw`#!/usr/bin/python3
# Written by buildproxy (plan --format ansible). Merges buildproxy's keys into a JSON file on the managed host.
# -*- coding: utf-8 -*-
from __future__ import annotations

import errno
import grp
import json
import os
import pwd
import re
import stat
import tempfile

from ansible.module_utils.basic import AnsibleModule

DOCUMENTATION = r'''
module: buildproxy_json
short_description: set and remove keys in a JSON file, refusing malformed or duplicate-key files
options:
  path: {type: str, required: true}
  edits: {type: str, required: true, description: 'JSON: {"set": [[path, value]], "unset": [path]}'}
  mode: {type: str, required: true, description: mode of a new file}
  credential: {type: bool, default: false, description: the file holds a password; group/other bits are removed}
  owner: {type: str, description: owner of a new file}
  group: {type: str, description: group of a new file}
  backup: {type: bool, default: true}
  max_bytes: {type: int, default: 4194304}
'''

SECRET = re.compile(r'(://[^:/@\s"]*:)[^@/\s"]*@')


class Refused(Exception):
    pass


def mask(text):
    return SECRET.sub(r'\1***@', text)


def no_duplicates(pairs):
    seen = {}
    for k, v in pairs:
        if k in seen:
            raise Refused('"%s" is given twice; Go uses only the last one, so remove the others' % k)
        seen[k] = v
    return seen


def no_constant(name):
    raise Refused('%s is not JSON' % name)


def read(path, max_bytes):
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, 'O_CLOEXEC', 0))
    except OSError as e:
        if e.errno == errno.ENOENT:
            return None, None
        if e.errno == errno.ELOOP:
            raise Refused('it is a symbolic link; buildproxy never writes through one')
        raise Refused(os.strerror(e.errno))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Refused('it is not a regular file')
        if st.st_size > max_bytes:
            raise Refused('it is larger than %d bytes' % max_bytes)
        chunks = []
        size = 0
        while True:
            b = os.read(fd, 65536)
            if not b:
                break
            size += len(b)
            if size > max_bytes:
                raise Refused('it is larger than %d bytes' % max_bytes)
            chunks.append(b)
        return b''.join(chunks), st
    finally:
        os.close(fd)


def parse(raw):
    try:
        text = raw.decode('utf-8')
    except UnicodeDecodeError as e:
        raise Refused('byte %d is not UTF-8' % e.start)
    if text.startswith('\ufeff'):
        raise Refused('it starts with a byte order mark, which dockerd rejects')
    if text.strip() == '':
        return {}
    try:
        data = json.loads(text, object_pairs_hook=no_duplicates, parse_constant=no_constant)
    except ValueError as e:
        if isinstance(e, json.JSONDecodeError):
            raise Refused('line %d column %d: %s' % (e.lineno, e.colno, e.msg))
        raise
    except RecursionError:
        raise Refused('it is nested too deeply')
    if not isinstance(data, dict):
        raise Refused('the top-level value is not an object {...}')
    return data


def walk(data, keys, create):
    node = data
    for i, k in enumerate(keys[:-1]):
        if k not in node:
            if not create:
                return None
            node[k] = {}
        node = node[k]
        if not isinstance(node, dict):
            raise Refused('"%s" is not an object {...}' % '.'.join(keys[: i + 1]))
    return node


def merged(data, edits):
    out = json.loads(json.dumps(data))
    for keys, value in edits.get('set', []):
        parent = walk(out, keys, True)
        old = parent.get(keys[-1])
        if old is not None and isinstance(value, str) and not isinstance(old, str):
            raise Refused('"%s" is not a string' % '.'.join(keys))
        parent[keys[-1]] = value
    for keys in edits.get('unset', []):
        parent = walk(out, keys, False)
        if parent is not None:
            parent.pop(keys[-1], None)
    return out


def indent_of(text):
    m = re.search(r'\n([ \t]+)"', text or '')
    if not m:
        return 2
    unit = m.group(1)
    return '\t' if unit.startswith('\t') else len(unit)


def ids(params):
    # The owner of a new file: a number (the playbook passes the home's uid/gid, which need no name on the host) or
    # a name. AnsibleModule has no public lookup for either, so this is Ansible's own rule: a number, else a name.
    def one(value, lookup, kind, default):
        if not value:
            return default
        if value.isdigit():
            return int(value)
        try:
            return lookup(value)
        except KeyError:
            raise Refused('the %s "%s" does not exist on this host' % (kind, value))

    return (
        one(params['owner'], lambda n: pwd.getpwnam(n).pw_uid, 'user', os.geteuid()),
        one(params['group'], lambda n: grp.getgrnam(n).gr_gid, 'group', os.getegid()),
    )


def write(path, text, st, params, new_ids):
    directory = os.path.dirname(path) or '.'
    fd, tmp = tempfile.mkstemp(prefix='.buildproxy-', dir=directory)
    try:
        if st is not None:
            mode = stat.S_IMODE(st.st_mode)
            if params['credential']:
                mode &= 0o700
            uid, gid = st.st_uid, st.st_gid
        else:
            mode = int(params['mode'], 8)
            uid, gid = new_ids
        os.fchmod(fd, mode)
        os.fchown(fd, uid, gid)
        os.write(fd, text.encode('utf-8'))
        os.fsync(fd)
        os.close(fd)
        fd = None
        os.rename(tmp, path)
        tmp = None
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    finally:
        if fd is not None:
            os.close(fd)
        if tmp is not None:
            os.unlink(tmp)


def main():
    module = AnsibleModule(
        argument_spec=dict(
            path=dict(type='str', required=True),
            edits=dict(type='str', required=True, no_log=True),
            mode=dict(type='str', required=True),
            credential=dict(type='bool', default=False),
            owner=dict(type='str'),
            group=dict(type='str'),
            backup=dict(type='bool', default=True),
            max_bytes=dict(type='int', default=4194304),
        ),
        supports_check_mode=True,
    )
    p = module.params
    path = p['path']
    try:
        edits = json.loads(p['edits'])
        raw, st = read(path, p['max_bytes'])
        data = parse(raw) if raw is not None else {}
        before_text = raw.decode('utf-8') if raw is not None else ''
        after = merged(data, edits)
        new_ids = ids(p)
    except Refused as e:
        module.fail_json(
            msg='%s: %s; fix the file first: buildproxy never rewrites a file it cannot edit safely' % (path, e),
            path=path,
        )
    if raw is not None and after == data:
        module.exit_json(changed=False, path=path)
    after_text = json.dumps(after, indent=indent_of(before_text), ensure_ascii=False) + '\n'
    diff = dict(before=mask(before_text), after=mask(after_text), before_header=path, after_header=path)
    result = dict(changed=True, path=path, diff=diff)
    if module.check_mode:
        module.exit_json(**result)
    if raw is not None and p['backup']:
        result['backup_file'] = module.backup_local(path)
    try:
        write(path, after_text, st, p, new_ids)
    except OSError as e:
        module.fail_json(msg='%s: cannot write: %s' % (path, e.strerror), path=path)
    module.exit_json(**result)


if __name__ == '__main__':
    main()
`;
