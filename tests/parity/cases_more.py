# More calls of the PyO3 parity probe (after cases.py, in the same globals): less common std
# conversions, errors built in Rust and native-type API calls on bad input (std_more.rs,
# api_more.rs), function shapes (functions_more.rs), class shapes, protocols, fields and
# inheritance (classes_extra.rs, protocols_more.rs, fields_more.rs), exceptions, panics and
# borrow conflicts (errors_more.rs). One printed line per call.
import datetime, ipaddress

def show(tag, exprs):
    """Prints each expression's repr, or the exception it raised."""
    for c in exprs:
        try:
            print(tag, c, '->', repr(eval(c)))
        except BaseException as e:
            print(tag, c, '-> raised', type(e).__name__ + ':', e)
def show_calls(tag, f, pairs):
    """Prints f(kind, eval(value)) for each pair, or the exception it raised."""
    for k, v in pairs:
        try:
            print(tag, k, v, '->', f(k, eval(v)))
        except BaseException as e:
            print(tag, k, v, '-> raised', type(e).__name__ + ':', e)
class Idx:
    def __index__(self):
        return 5
class IntOnly:
    def __int__(self):
        return 6
class FloatOnly:
    def __float__(self):
        return 2.5
class BadIdx:
    def __index__(self):
        raise RuntimeError('bad index')
class S(str):
    pass
class Packed3:
    packed = b"\x01\x02\x03"
class PackedStr:
    packed = "1.2.3.4"
class Packed16:
    packed = bytes(range(16))
class StrIp:
    def __str__(self):
        return "10.0.0.2"
class Later:
    def __sub__(self, other):
        return datetime.timedelta(seconds=90)
def gen():
    yield 1
utc = datetime.timezone.utc
ext2 = [
 ('i128', '2**127 - 1'), ('i128', '2**127'), ('i128', '-2**127'), ('i128', '1.5'), ('u128', '2**128 - 1'), ('u128', '-1'), ('u128', '2**128'),
 ('u16', '70000'), ('isize', '2**63'), ('NonZeroU32', '0'), ('NonZeroU32', '-1'), ('NonZeroU32', '5'), ('NonZeroI8', '0'), ('NonZeroI8', '-3'),
 ('Duration', 'datetime.timedelta(seconds=1.5)'), ('Duration', 'datetime.timedelta(days=-1)'), ('Duration', '1'), ('Duration', 'datetime.timedelta(days=3, microseconds=7)'),
 ('SystemTime', 'datetime.datetime(2020, 1, 1, tzinfo=utc)'), ('SystemTime', 'datetime.datetime(2020, 1, 1)'), ('SystemTime', '1'), ('SystemTime', 'datetime.datetime(1960, 1, 1, tzinfo=utc)'), ('SystemTime', 'Later()'), ('SystemTime', 'datetime.datetime.max.replace(tzinfo=utc)'),
 ('IpAddr', 'ipaddress.ip_address("1.2.3.4")'), ('IpAddr', 'ipaddress.ip_address("::1")'), ('IpAddr', '"1.2.3.4"'), ('IpAddr', '1'), ('IpAddr', '"nope"'), ('IpAddr', 'Packed3()'), ('IpAddr', 'PackedStr()'), ('IpAddr', 'Packed16()'), ('IpAddr', 'StrIp()'), ('IpAddr', 'b"1.2.3.4"'),

 ('OsString', '"x"'), ('OsString', 'b"x"'), ('OsString', '1'), ('OsString', '"\\ud800"'),
 ('CowBytes', 'b"ab"'), ('CowBytes', 'bytearray(b"ab")'), ('CowBytes', '"ab"'), ('CowBytes', 'memoryview(b"ab")'), ('CowStr', '"é"'), ('CowStr', 'b"x"'), ('CowStr', '"\\ud800"'),
 ('PyBackedBytes', 'b"ab"'), ('PyBackedBytes', 'bytearray(b"ab")'), ('PyBackedBytes', '"ab"'),
 ('VecString', '"abc"'), ('VecString', '["a", 1]'), ('VecString', '("a", "b")'), ('VecU8', 'bytearray(b"ab")'), ('VecU8', '"ab"'), ('VecU8', '[1, 256]'),
 ('tuple1', '[1]'), ('tuple1', '(1,)'), ('tuple1', '()'), ('nested_tuple', '(1, ("a", 2.5))'), ('nested_tuple', '(1, ("a", "x"))'), ('nested_tuple', '(1, 2)'),
 ('OptionVec', 'None'), ('OptionVec', '[1, "a"]'), ('OptionVec', '"ab"'), ('MapOfVec', '{1: ["a"]}'), ('MapOfVec', '{1: "ab"}'), ('MapOfVec', '{"x": []}'), ('MapOfVec', '[(1, [])]'),
 ('BTreeSet', '{"b", "a"}'), ('BTreeSet', '{1}'), ('BTreeSet', 'frozenset({"a"})'), ('BTreeSet', '["a"]'), ('HashSet', 'frozenset({1})'), ('HashSet', '[1]'), ('HashSet', '{1: 2}'),
 ('bytes2', 'b"ab"'), ('bytes2', 'b"abc"'), ('bytes2', '"ab"'), ('bytes2', '[1, 2]'),
 ('char', '"😀"'), ('char', 'S("x")'), ('char', 'b"x"'), ('String', 'S("sub")'), ('String', 'bytearray(b"x")'),
 ('i64', 'Idx()'), ('i64', 'IntOnly()'), ('i64', 'BadIdx()'), ('i64', 'True'), ('i64', 'FloatOnly()'), ('f64', 'FloatOnly()'), ('f64', 'Idx()'), ('f64', '2**2000'), ('f64', 'True'), ('f64', '"1.5"'),
 ('bool', 'Idx()'), ('bool', '0'), ('bool', '[]'), ('bool', 'False'),
 ('BoundList', '(1,)'), ('BoundList', '[1]'), ('PyDict', '[1]'), ('PyDict', '{}'), ('PyTupleRef', '[1]'), ('PyTupleRef', 'gen()'),
 ('Vec', 'gen()') if False else ('VecString', 'gen()'), ('VecString', '{"a"}'), ('VecString', '{"a": 1}'),
]
show_calls('ext2', m.ext2, ext2)
api2 = [
 ('err_from_value', 'ValueError("v")'), ('err_from_value', '1'), ('err_from_value', 'KeyError'), ('err_from_value', 'int'),
 ('err_os_tuple', 'None'), ('err_int_arg', 'None'), ('err_list_arg', 'None'), ('err_is_instance', 'None'), ('err_fetch_none', 'None'), ('err_take_none', 'None'),
 ('err_cause', 'None'), ('err_traceback', 'None'),
 ('call0', '1'), ('call0', 'list'), ('call1', 'len'), ('call1', 'abs'), ('call_method0', '1'),
 ('iter_from', '1'), ('iter_from', '[1]'), ('len', 'gen()'), ('len', '5'), ('weakref', '1'), ('weakref', 'gen()'),
 ('mapping_cast', '[1]'), ('mapping_cast', '{1: 2}'), ('sequence_cast', '{1: 2}'), ('sequence_cast', '"ab"'), ('sequence_cast', '{1}'),
 ('seq_index', '[1]'), ('seq_count', '(1, 1)'), ('seq_to_list', '"ab"'), ('mapping_keys', '{1: 2}'),
 ('slice_indices', 'None'), ('slice_indices_neg', 'None'), ('slice_full', 'None'),
 ('bytearray', 'bytearray(b"x")'), ('bytearray', 'b"x"'), ('bytearray_from', 'b"xy"'), ('bytearray_from', '1'), ('bytearray_from', '[1, 2]'), ('bytearray_from', '"s"'),
 ('frozenset', 'None'), ('str_cow', '"é"'), ('str_cow', '"\\ud800"'), ('str_cow', '1'), ('str_encode', 'None'),
 ('type_subclass', 'KeyError'), ('type_subclass', 'int'), ('type_subclass', '1'), ('type_name', '1'), ('type_name', 'int'), ('type_name', 'm.C(1)'), ('type_name', 'm.E.A'),
 ('is_callable', 'len'), ('is_callable', '1'), ('is_none', 'None'), ('dir_has', '1'), ('getattr_none', '1'), ('setattr_int', '1'),
 ('list_append', '[]'), ('list_slice', '[1, 2, 3]'), ('list_sort', '[3, 1, 2]'), ('list_sort', '[1, "a"]'), ('list_reverse', '[1, 2]'), ('list_to_tuple', '[1, 2]'),
 ('tuple_slice', '(1, 2, 3)'), ('dict_items', '{1: 2}'), ('dict_copy', '{1: 2}'), ('dict_pop', '{}'), ('py_none_eq', 'None'), ('version', 'None'),
]
show_calls('api2', m.api2, api2)
fns = [
 'm.defaults.__text_signature__', 'm.defaults()', 'm.defaults(c=3, h=["a"], j=[5, 6])', 'm.defaults(d="ab")', 'm.defaults(i="ab")', 'm.defaults(j=(1,))',
 'm.opt_tail.__text_signature__', 'm.opt_tail(1)', 'm.opt_tail(1, None)', 'm.opt_tail(1, "x")',
 'm.opt_sig.__text_signature__', 'm.opt_sig(None)', 'm.opt_sig(1, "b", [1], d=True)', 'm.opt_sig(1, b="b")', 'm.opt_sig(c=[1])', 'm.opt_sig(1, 2)',
 'm.with_from.__text_signature__', 'm.with_from([1, 2], 3)', 'm.with_from(1, 3)', 'm.with_from(n=[1], m=1)', 'm.with_from([1], "x")',
 'm.renamed_fn.__name__', 'm.renamed_fn.__qualname__', 'm.renamed_fn.__text_signature__', 'm.renamed_fn(1)', 'm.renamed_fn()', 'hasattr(m, "original_name")',
 'm.no_sig.__text_signature__', 'm.no_sig()', 'm.with_module.__text_signature__', 'm.with_module(4)',
 'm.nested([[1], [2, 3]], {"a": (1, 2.5)}, [1, None])', 'm.nested([[1], ["x"]], {}, None)', 'm.nested([1], {}, None)', 'm.nested([], {"a": (1, "x")}, None)',
 'm.nested([], {1: (1, 2.5)}, None)', 'm.nested([], {}, [300])', 'm.nested([], {}, "ab")', 'm.nested("ab", {}, None)', 'm.nested([], [], None)',
 'm.refs("s", b"b", [1], {}, ())', 'm.refs(b"s", b"b", [1], {}, ())', 'm.refs("s", "b", [1], {}, ())', 'm.refs("s", bytearray(b"b"), [1], {}, ())', 'm.refs("s", b"b", (1,), {}, ())',
 'm.refs("s", b"b", [1], [], ())', 'm.refs("s", b"b", [1], {}, [])',
 'm.returns(0)', 'm.returns(1)', 'm.returns(2)', 'm.returns(3)', 'm.returns(4)', 'm.returns(5)', 'm.returns(6)', 'm.returns(7)', 'm.returns(8)', 'm.returns(9)', 'm.returns(10)',
 'm.unit_result(False)', 'm.unit_result(True)', 'm.std_result(False)', 'm.std_result(True)',
 'm.star_mid.__text_signature__', 'm.star_mid(1)', 'm.star_mid(1, 2, 3, b=4, z=5)', 'm.star_mid(1, "x")', 'm.star_mid(1, z="x")', 'm.star_mid(a=1, b=2)', 'm.star_mid()',
 'm.documented.__doc__', 'm.documented.__text_signature__', 'm.renamed_fn.__doc__', 'm.no_sig.__doc__',
]
show('fn', fns)
class UsesDesc:
    d = m.Desc(3)
    e = m.DelOnly()
def run_match(v):
    match v:
        case m.Shape2.Rect(w=w, h=h):
            return ('rect', w, h)
        case m.Shape2.Circle(r):
            return ('circle', r)
        case m.Shape2.Empty():
            return 'empty'
    return 'none'
def all_setters():
    a = m.All(1, "x")
    out = []
    for name, value in [('n', 'x'), ('n', None), ('o', 5), ('o', None), ('o', 'x'), ('v', [1, 2]), ('v', 'ab'), ('s', 3), ('label', 'lbl'), ('total', 1)]:
        try:
            setattr(a, name, value)
            out.append((name, 'ok', getattr(a, name) if name != 'label' else a.s))
        except BaseException as e:
            out.append((name, type(e).__name__, str(e)))
    for name in ['n', 'label', 'o']:
        try:
            delattr(a, name)
            out.append(('del', name, 'ok'))
        except BaseException as e:
            out.append(('del', name, type(e).__name__, str(e)))
    return out
def countdown_err():
    return list(m.Countdown(99))
def dictsub():
    d = m.DictSub("t", a=1)
    d["k"] = 2
    return (d.tag, dict(d), d.size(), isinstance(d, dict), len(d))
cls = [
 'str(m.All(1, "x"))', 'repr(m.All(1, "x"))[:9]', 'm.All.LIMIT', 'm.All.names', 'm.All().n', 'm.All(s="q").s', 'm.All(1, "x").total', 'm.All(2).renamed()', 'hasattr(m.All, "original")',
 'm.All(3).copy_me().n', 'm.All.make(4).s', 'm.All.kind()', 'all_setters()', 'm.All.__text_signature__', 'm.All.make.__text_signature__', 'm.All.total.__doc__', 'm.All.renamed.__qualname__',
 'setattr(m.All, "LIMIT", 3) or m.All.LIMIT', 'm.All.LIMIT',
 'int(m.Disc.B)', 'm.Disc.A == 5', 'm.Disc.B == -1', 'm.Disc.A < m.Disc.C', 'm.Disc.B < m.Disc.A', 'm.Disc.A < 5', 'm.Disc.A == Idx()', 'm.Disc.A < Idx()', 'm.E.A == True', 'm.E.B == 1.0', 'm.Disc.A < 2**100', 'm.Disc.A == 2**100', 'm.Disc.A > -2**100', 'm.Disc.A < 6', 'm.Disc.A <= 5', 'm.Disc.A > 4', 'm.Disc.B < 0', 'm.Disc.A >= 5.5', 'm.Disc.A < True', 'm.Disc.A < "x"', 'm.Disc.A == 5.0', 'm.Disc.A != 5', 'm.E.A < 1', 'm.Ord3(1) < 2', 'repr(m.Disc.C)', 'm.Disc(5)', 'm.Disc.A.value if hasattr(m.Disc.A, "value") else "no value"',
 'sorted([m.Disc.C, m.Disc.B, m.Disc.A])', 'hash(m.Disc.A) == hash(m.Disc.A)', 'm.Disc.A != m.Disc.B', 'm.Disc.A == "A"', 'list(vars(m.Disc).keys()).count("A")',
 'm.Shape2.Rect(3).area()', 'm.Shape2.Rect(3, 4).h', 'm.Shape2.Rect(w=1, h=1).w', 'm.Shape2.Rect()', 'm.Shape2.Rect.__text_signature__', 'm.Shape2.Circle(2.0).area()', 'm.Shape2.Circle(2.0)._0',
 'm.Shape2.Empty().area()', 'repr(m.Shape2.Empty())', 'repr(m.Shape2.Rect(1, 2))', 'repr(m.Shape2.Circle(1.5))', 'run_match(m.Shape2.Rect(1))', 'run_match(m.Shape2.Circle(2.5))', 'run_match(m.Shape2.Empty())',
 'isinstance(m.Shape2.Rect(1), m.Shape2)', 'm.Shape2.Rect.__match_args__', 'm.Shape2.Empty.__match_args__', 'm.Shape2.Circle.__match_args__', 'm.Shape2.Rect(1) == m.Shape2.Rect(1)', 'type(m.Shape2.Rect(1)).__name__', 'm.Shape2.Rect.__qualname__',
 'import operator; 0', 'operator.index(m.Num(3))', 'int(m.Num(3))', 'float(m.Num(3))', 'complex(m.Num(3))', '[1, 2, 3, 4][m.Num(1)]', 'm.Num(3) < 4', 'm.Num(3) < "x"', 'm.Num(3) > 1', 'm.Num(3) <= 4',
 'm.Num(3) == 3', 'm.Num(3) == "x"', 'm.Num(3) != 3', 'hash(m.Num(3))', 'len(m.Num(3))', 'len(m.Num(-1))', 'm.Num(5)[1:4]', 'm.Num(5)[::-1]', 'm.Num(5)[2]', 'm.Num(5)["x"]', 'round(m.Num(3))', 'round(m.Num(3), 2)',
 'repr(m.Num(2))', 'repr(m.Num(13))', 'str(m.Num(13))', 'bool(m.Num(0))', 'bool(m.Num(-1))', 'hex(m.Num(255))', 'divmod(m.Num(1), 2)',
 'list(m.Countdown(3))', 'countdown_err()', 'next(m.Countdown(0))', 'list(reversed(m.Countdown(3)))', 'sum(m.Countdown(4))', 'iter(m.Countdown(1)) is not None', 'len(m.Countdown(4))', 'hash(m.Countdown(4)) == 5', 'm.Countdown(4).not_hash()', 'hasattr(m.Countdown, "length")', 'm.Countdown.__len__.__qualname__', 'm.Countdown.not_hash.__doc__', 'm.Countdown.__len__.__doc__',
 'dictsub()', 'm.DictSub("t").tag', 'm.DictSub()', 'm.DictSub.__mro__',
 'UsesDesc().d', 'UsesDesc.d', 'setattr(UsesDesc(), "d", 7) or UsesDesc().d', 'setattr(UsesDesc(), "d", "x")', 'delattr(UsesDesc(), "d")', 'UsesDesc().e', 'setattr(UsesDesc(), "e", 1)', 'delattr(UsesDesc(), "e")',
 'm.Cmp(1) < m.Cmp(2)', 'm.Cmp(1) == m.Cmp(1)', 'm.Cmp(1) > m.Cmp(2)', 'm.Cmp(1) == 1', 'm.Cmp(1) != m.Cmp(2)', 'm.Cmp(1) < 1', 'bool(m.Cmp(0))', 'hash(m.Cmp(1))',
]
for c in cls:
    try:
        if c.startswith('import'):
            exec(c.split(';')[0])
        print('cls', c, '->', repr(eval(c.split(';')[-1])))
    except BaseException as e:
        print('cls', c, '-> raised', type(e).__name__ + ':', e)
def reenter(obj, method, inner):
    return getattr(obj, method)(inner)
r = m.Reentrant()
errs = [
 'm.err2(0)', 'm.err2(1)', 'm.err2(2)', 'm.err2(3)', 'm.err2(4)', 'm.err2(5)', 'm.err2(6)', 'm.err2(7)', 'm.err2(8)', 'm.err2(9)', 'm.err2(10)', 'm.err2(11)',
 'm.PlainError.__module__', 'm.PlainError.__qualname__', 'm.PlainError.__doc__', 'm.DeepError.__module__', 'm.DeepError.__name__', 'm.DeepError.__doc__', 'm.DeepError.__mro__',
 'repr(m.DeepError("x", 1))', 'str(m.PlainError())', 'issubclass(m.DeepError, ValueError)',
 'm.Panics(99)', 'm.Panics(1).g', 'repr(m.Panics(2))', 'len(m.Panics(3))', 'm.Panics(0) < 1', 'm.Panics(0) == 1', 'type(m.Panics(0).__class__).__name__',
 'reenter(r, "call_back", lambda: r.read())', 'reenter(r, "call_back", lambda: r.bump())', 'reenter(r, "read_then_call", lambda: r.bump())', 'reenter(r, "read_then_call", lambda: r.read())',
 'reenter(r, "call_back", lambda: r.n)', 'reenter(r, "call_back", lambda: reenter(r, "call_back", lambda: 0))', 'r.n',
 'm.Frozen2(1).v', 'm.Frozen2(-1)', 'setattr(m.Frozen2(1), "v", 2)', 'setattr(m.Frozen2(1), "w", 2)', 'm.Frozen2.__new__(m.Frozen2, 3).v', 'm.Frozen2.__new__(int, 3)',
]
for c in errs:
    try:
        print('err', c, '->', repr(eval(c)))
    except BaseException as e:
        print('err', c, '-> raised', type(e).__module__, type(e).__name__ + ':', repr(e)[:200], '| cause:', repr(e.__cause__)[:100])
import threading
def seq_ops():
    s = m.Seq2([1, 2, 3])
    out = [s[0], s[-1] if False else None, len(s)]
    s[1] = 20
    out.append(s.to_list())
    try:
        s[-1] = 5
    except BaseException as e:
        out.append((type(e).__name__, str(e)))
    t = s + m.Seq2([9])
    out.append(t.to_list())
    out.append((s * 2).to_list())
    out.append((2 * s).to_list() if True else None)
    s += [7]
    out.append(s.to_list())
    out.append(list(s))
    out.append(3 in s)
    out.append(20 in s)
    out.append(list(reversed(s)))
    return out
def in_thread(f):
    res = []
    def run():
        try:
            res.append(f())
        except BaseException as e:
            res.append(type(e).__name__ + ': ' + str(e).replace('parity_pyo3', 'parity_X').replace('parity_ours', 'parity_X'))
    th = threading.Thread(target=run)
    th.start()
    th.join()
    return res[0]
def num_inplace():
    n = m.Num2(3)
    n **= 2
    a = n.v
    n -= 4
    b = n.v
    try:
        n *= 0
    except BaseException as e:
        c = type(e).__name__ + ': ' + str(e)
    return (a, b, c, n.v)
loc = m.Local(4)
def drop_elsewhere():
    box = [m.Local(1)]
    seen = []
    old = sys.unraisablehook
    sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, str(u.exc_value).replace('parity_pyo3', 'parity_X').replace('parity_ours', 'parity_X'), u.err_msg, repr(u.object)[:20]))
    try:
        in_thread(lambda: box.clear())
    finally:
        sys.unraisablehook = old
    return seen
proto2 = [
 'seq_ops()', 'm.Seq2([1])[5]', 'm.Seq2([1])[-1]', 'm.Seq2([1])["a"]', 'm.Seq2([1]) + 1', 'm.Seq2([1]) * "x"', 'm.Seq2([1])[0:1]', 'len(m.Seq2([]))', 'bool(m.Seq2([]))', 'm.Seq2.__len__(m.Seq2([1, 2]))',
 'pow(m.Num2(3), 2)', 'pow(m.Num2(3), 2, 5)', 'm.Num2(3) ** 2', '2 ** m.Num2(3)', 'pow(2, m.Num2(3), 5)', 'm.Num2(3) ** -1', 'm.Num2(3) ** "x"',
 'm.Num2(3) @ 2', '2 @ m.Num2(3)', 'divmod(m.Num2(7), 2)', 'divmod(7, m.Num2(2))', 'm.Num2(1) << 3', '8 >> m.Num2(1)', 'm.Num2(8) >> 1', 'm.Num2(1) << -1',
 'num_inplace()', 'bool(m.Num2(7))', 'not m.Num2(0)', '~m.Num2(5)', 'abs(m.Num2(-5))', 'm.Num2(3) // 2', '2 // m.Num2(3)', 'm.Num2(1) + 1', '-m.Num2(1)',
 'loc.get()', 'loc.w', 'in_thread(lambda: loc.get())', 'in_thread(lambda: loc.w)', 'in_thread(lambda: repr(loc)[:10])', 'in_thread(lambda: m.Local(2).get())', 'drop_elsewhere()',
]
show('proto2', proto2)
def fields_set():
    f = m.Fields()
    out = []
    for name, value in [('opt', 3), ('opt', None), ('opt', 'x'), ('names', ['x', 'y']), ('names', 'xy'), ('names', [1]), ('map', {'a': 2}), ('map', {1: 2}),
                        ('pair', (2, 'two')), ('pair', [3, 'three']), ('pair', (1,)), ('obj', object), ('obj', None), ('renamed', 2), ('renamed', 'x'), ('small', 1), ('inner', 1.0)]:
        try:
            setattr(f, name, value)
            v = getattr(f, name)
            out.append((name, 'ok', v if name != 'obj' else repr(v)[:15]))
        except BaseException as e:
            out.append((name, type(e).__name__, str(e)))
    return out
fld = [
 'fields_set()', 'm.Fields().map', 'm.Fields().small', 'm.Fields().renamed', 'hasattr(m.Fields(), "inner")', 'm.Fields().pair', 'm.Fields().names.append("z")',
 'm.by_value(m.Fields())', 'm.by_value(1)', 'm.by_value(None)', 'm.by_ref(m.Fields())', 'm.by_ref("x")', 'm.opt_ref(None)', 'm.opt_ref(m.Fields())', 'm.opt_ref(1)',
 'm.many([m.Fields(), m.Fields()])', 'm.many([m.Fields(), 1])', 'm.many(m.Fields())', 'len(m.make_many(3))', 'type(m.make_many(1)[0]).__name__', 'm.make_opt(False)', 'type(m.make_opt(True)).__name__',
 'm.Level3(1, 2, 3).sum()', 'm.Level3(1, 2, 3).who()', 'm.Level3(1, 2, 3).a', 'm.Level3(1, 2, 3).b', 'm.Level3(1, 2, -1)', 'm.Level3(1, 2)', 'm.Level3.__mro__', 'm.Level3(1, 2, 3).bump_a()',
 'm.Level2(1, 2).who()', 'isinstance(m.Level3(1, 2, 3), m.Level1)', 'm.Level1.who(m.Level3(1, 2, 3))', 'm.Level3.who(m.Level2(1, 2))', 'type("L4", (m.Level2,), {})(1, 2).b', 'type("L4", (m.Level3,), {})',
 'm.Level3.__new__.__text_signature__', 'm.Level2.__text_signature__',
]
show('fld', fld)
def kw(**k):
    return sorted(k.items())
api3 = [
 ('dict_grow_while_iter', '{"a": 1, "b": 2}'), ('dict_shrink_while_iter', '{"a": 1, "b": 2, "c": 3}'), ('dict_replace_while_iter', '{"a": 1, "b": 2}'),
 ('set_grow_while_iter', '{1, 2}'), ('list_shrink_while_iter', '[1, 2, 3, 4]'), ('list_grow_while_iter', '[1, 2]'),
 ('kwargs_forms', 'kw'), ('intern', 'None'), ('bytes_new_with', 'None'),
 ('from_encoded', 'b"caf\\xc3\\xa9"'), ('from_encoded', 'b"\\xff"'), ('from_encoded', '"str"'), ('from_encoded', 'bytearray(b"x")'), ('from_encoded', '1'), ('from_encoded_ascii', 'b"\\xc3"'),
 ('set_pop', '{1}'), ('set_pop', 'set()'), ('set_discard', '{1}'), ('dict_from_seq', '[("a", 1), ("b", 2)]'), ('dict_from_seq', '[1]'), ('dict_from_seq', '[("a",)]'), ('dict_from_seq', '1'),
 ('dict_setdefault', '{}'), ('dict_keys_order', '{"b": 1, "a": 2}'),
]
show_calls('api3', m.api3, api3)
import warnings
def warns(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        r = f()
    return (r, [(x.category.__name__, str(x.message), x.filename.split('/')[-1], x.lineno > 0) for x in w])
def warn_as_error():
    with warnings.catch_warnings():
        warnings.simplefilter('error')
        return m.old_fn(1)
cl = m.closure_fn()
wrn = [
 'warns(lambda: m.old_fn(1))', 'warns(lambda: m.two_warnings())', 'warns(lambda: m.Warner().method())', 'warns(lambda: m.Warner.stat())', 'warn_as_error()',
 'warns(lambda: m.warn_from_rust(0))', 'warns(lambda: m.warn_from_rust(1))', 'warns(lambda: m.warn_from_rust(2))', 'm.old_fn.__doc__', 'm.old_fn.__text_signature__',
 'cl(1, 2, a=3)', 'cl()', 'repr(cl)', 'cl.__name__', 'cl.__doc__', 'cl.__qualname__', 'cl.__module__', 'cl.__text_signature__', 'repr(m.one)', 'm.one.__self__ is m' if False else 'type(m.one).__name__',
]
show('wrn', wrn)
for c in ['from_code', 'from_code_syntax', 'from_code_raises', 'new_dotted', 'index', 'add_twice', 'submodule', 'import_attr_err', 'dict_keys']:
    show_calls('modapi', lambda k, _: m.modapi(k), [(c, 'None')])
