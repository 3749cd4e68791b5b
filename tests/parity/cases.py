# The calls of the PyO3 parity probe (tests/parity/src/main.rs defines `m`); one printed line
# per call. Run through scripts/parity.sh, which diffs the output of the two builds.
import sys
m_c = m.C(1)
cases = [
 'm.one()', 'm.one(1, 2)', 'm.one(b=1)', 'm.one(1, a=2)', 'm.one("x")', 'm.one(1.5)', 'm.one(2**70)',
 'm.two()', 'm.two(1, 2, 3)', 'm.two(1, c=3)', 'm.two(1, b="x")',
 'm.mixed(a=1, b=2, c=3)', 'm.mixed(1, 2, 3)', 'm.mixed(1, 2)', 'm.mixed(1)', 'm.mixed()',
 'm.var()', 'm.var("x")', 'm.var(1, 2, a=3)',
 'm.strs(1, [1], (1, "a"), None)', 'm.strs("a", "abc", (1, "a"), None)', 'm.strs("a", [1, "x"], (1, "a"), None)',
 'm.strs("a", [1], (1, 2), None)', 'm.strs("a", [1], (1,), None)', 'm.strs("a", [1], [1, "a"], None)', 'm.strs("a", [1], (1, "a"), "x")',
 'm.strs("\\ud800", [1], (1, "a"), None)',
 'm.noargs(1)', 'm.noargs(x=1)', 'm.kwonly(1)', 'm.kwonly()', 'm.three(1, 2)', 'm.three()', 'm.three(**{1: 2})',
 'm.small(256, 0, 0)', 'm.small(-1, 0, 0)', 'm.small(0, 2**31, 0)', 'm.small(0, 0, -1)', 'm.boolf(1, "x")', 'm.boolf(True, "xy")', 'm.boolf(True, 1)',
 'm.C()', 'm.C("x")', 'm.C(1, 2)', 'm.NoNew()', 'm.F(1)',
 'setattr(m_c, "field", "x")', 'delattr(m_c, "field")', 'setattr(m_c, "ro", 1)', 'delattr(m_c, "ro")',
 'setattr(m_c, "v", "x")', 'delattr(m_c, "v")', 'getattr(m_c, "wo")', 'delattr(m_c, "wo")', 'setattr(m_c, "nope", 1)',
 'm_c.bump()', 'm_c.bump("x")', 'm.C.bump(1, 2)', 'm.C.st()', 'm.C.cm("x")', 'm_c["x"]', 'm_c + "x"', 'm_c < "x"',
 'm.E(1)', 'm.E.A < m.E.B', 'm.CE.S()', 'm.CE.S(x="a")', 'm.CE.T(1)', 'm.CE.T(1, 2)', 'm.CE()',
 'm.C.__new__(int)', 'm.C.bump(object(), 1)', 'hash(m_c)',
 'setattr(m.D(), "x", 5)', 'delattr(m.D(), "x")', 'm.D()["a"]', 'm.D().__setitem__("a", 1)', 'm.D().__delitem__("a")', 'm.D()("a")', 'm.D()()', 'm.D()(1, 2)', 'm.D()(b=1)',
 'hash(m.D())', 'len(m.D())', 'bool(m.D())', 'm.C.bump()', 'm_c.bump(x=1, y=2)', 'm_c.bump(1, x=1)', '1 + m_c', 'm_c - 1', 'm_c[0:1]',
 'm.one(None)', 'm.strs(b"x", [1], (1, "a"), None)', 'm.strs("a", None, (1, "a"), None)', 'm.strs("a", [1], None, None)', 'm.strs("a", {1: 2}, (1, "a"), None)',
 'm.E.A == 0', 'int(m.E.B)', 'm.E.C', 'm.CE.S(1, 2)', 'm.CE.S(y=1)', 'm.CE.T("a", "b")', 'm.CE.T(1, "a")[2]', 'm.F(x=1)', 'setattr(m.CE.S(x=1), "x", 2)',
 'm.C.field', 'm.C.st(1, 2)', 'm.C.cm()', 'iter(m_c)', 'next(m_c)', 'm_c()', 'abs(m_c)', 'm_c @ m_c', 'm_c.__getitem__()', 'divmod(m_c, 1)',
]
exts = [
 ('i64', '"x"'), ('i64', '1.5'), ('i64', 'None'), ('i64', '2**70'), ('i64', '-2**70'), ('u8', '300'), ('u8', '-1'), ('i32', '2**40'), ('u64', '-1'), ('usize', '-5'),
 ('f64', '"x"'), ('f64', 'None'), ('f32', '1e300'), ('bool', '1'), ('bool', 'None'), ('char', '"ab"'), ('char', '""'), ('char', '1'),
 ('String', '1'), ('String', 'b"x"'), ('String', '"\\ud800"'), ('str', '1'), ('bytes', '"abc"'), ('bytes', '1'), ('Vec', '"abc"'), ('Vec', '{1: 2}'), ('Vec', '[1, "a"]'), ('Vec', '1'),
 ('HashMap', '[1]'), ('HashMap', '{1: 2}'), ('HashMap', '{"a": "b"}'), ('BTreeMap', '{"a": 1}'), ('HashSet', '[1]'), ('HashSet', '{"a"}'),
 ('tuple2', '[1, 2]'), ('tuple2', '(1, 2, 3)'), ('tuple2', '(1, "a")'), ('array3', '[1, 2]'), ('array3', '"abc"'), ('Option', '"x"'), ('PathBuf', '1'),
 ('PyRef', '1'), ('PyRefMut', '1'), ('cast_list', '(1,)'), ('cast_dict', 'None'), ('cast_C', '1'), ('cast_exact', 'True'), ('borrow_twice', 'm_c'),
 ('call_kw', 'm.one'), ('call_kw', 'len'), ('getattr', '1'), ('getitem', '[1]'), ('getitem', '1'), ('len', '1'), ('iter', '1'), ('hash', '[]'), ('int', '1'),
 ('compare', '"a"'), ('lt', '"a"'), ('import', 'None'), ('eval', 'None'), ('run', 'None'), ('pyerr_display', 'None'), ('pyerr_none', 'None'), ('panic', 'None'),
]
for k, v in exts:
    try:
        print('ext', k, v, '->', m.ext(k, eval(v)))
    except BaseException as e:
        print('ext', k, v, '-> raised', type(e).__name__ + ':', e)
try:
    m.panicker()
except BaseException as e:
    print('panicker ->', type(e).__module__, type(e).__qualname__, e, e.args)
for c in cases:
    try:
        r = eval(c)
        print(c, '->', 'OK', repr(r)[:60])
    except BaseException as e:
        print(c, '->', type(e).__name__ + ':', e)
import weakref, copy, pickle, inspect
intro = [
 'm.one.__text_signature__', 'm.two.__text_signature__', 'm.mixed.__text_signature__', 'm.var.__text_signature__', 'm.kwonly.__text_signature__', 'm.noargs.__text_signature__',
 'm.strs.__text_signature__', 'repr(m.one)', 'm.one.__doc__', 'm.one.__module__', 'm.one.__qualname__', 'm.one.__name__',
 'm.C.__doc__', 'm.C.__text_signature__', 'm.C.__module__', 'm.C.__qualname__', 'm.C.__name__', 'repr(m.C)', 'm.C.bump.__text_signature__', 'm.C.bump.__qualname__', 'repr(m.C.bump)',
 'm.C.st.__text_signature__', 'm.C.cm.__text_signature__', 'repr(m.C.st)', 'repr(m.C.cm)', 'm.C.__getitem__.__text_signature__', 'm.C.__len__.__text_signature__', 'm.C.__add__.__text_signature__',
 'm.C.field.__doc__', 'repr(m.C.field)', 'repr(m.C.v)', 'm.C.__new__.__text_signature__', 'repr(m.C.__new__)',
 'sorted(k for k in vars(m.C))', 'sorted(k for k in vars(m.E))', 'sorted(k for k in vars(m.CE))', 'sorted(k for k in vars(m.CE.S))', 'sorted(k for k in vars(m.CE.T))', 'sorted(k for k in vars(m.D))', 'sorted(k for k in vars(m.F))', 'sorted(k for k in vars(m.NoNew))',
 'm.C.__mro__', 'm.CE.S.__mro__', 'm.E.__mro__', 'repr(m.E.A)', 'str(m.E.A)', 'repr(m.CE.S(x=1))', 'repr(m.CE.T(1, "a"))', 'm.CE.S.__match_args__', 'm.CE.T.__match_args__', 'm.CE.S.__qualname__', 'm.CE.S.__name__', 'm.CE.S.__module__',
 'repr(m_c)', 'str(m_c)', 'm_c == m_c', 'm_c != 1', 'hash(m.F(1)) if False else 0', 'bool(m_c)', 'm.E.A == m.E.A', 'm.E.A == 0', 'int(m.E.A)', 'hash(m.E.A) == hash(m.E.A)',
 'type(m.C).__name__', 'm.C.__base__', 'm.C.__basicsize__ > 0', 'm.C.__weakrefoffset__', 'm.C.__dictoffset__',
]
for c in intro:
    try:
        print('intro', c, '->', repr(eval(c)))
    except BaseException as e:
        print('intro', c, '-> raised', type(e).__name__ + ':', e)
more = [
 'type("X", (m.C,), {})', 'weakref.ref(m_c)', 'm_c.__dict__', 'copy.copy(m_c)', 'pickle.dumps(m_c)', 'copy.deepcopy(m.E.A)', 'pickle.dumps(m.E.A)',
 'm.C.bump(m.F(1), 1)', 'm.C.field.__get__(1)', 'm.C.field.__set__(m_c, "x")', 'setattr(m.C, "zz", 1)', 'delattr(m.C, "bump")', 'setattr(m.E, "A", 1)',
 'm.CE.S(x=1).x', 'm.CE.T(1, "a")._0', 'm.CE.T(1, "a")._1', 'len(m.CE.T(1, "a"))', 'm.CE.T(1, "a")[0]', 'm.CE.T(1, "a")[5]', 'setattr(m.CE.T(1, "a"), "_0", 5)',
 'inspect.signature(m.two)', 'inspect.signature(m.mixed)', 'inspect.signature(m.C)', 'inspect.signature(m.C.bump)',
]
for c in more:
    try:
        print('more', c, '->', repr(eval(c)))
    except BaseException as e:
        print('more', c, '-> raised', type(e).__name__ + ':', e)

for i in range(28):
    try:
        v = m.conv(i)
        print('conv', i, '->', type(v).__name__, repr(v))
    except BaseException as e:
        print('conv', i, '-> raised', type(e).__name__ + ':', e)
for c in ['m.MyError.__module__', 'm.MyError.__qualname__', 'm.MyError.__doc__', 'm.MyError.__mro__', 'repr(m.MyError("x"))', 'str(m.MyError("x"))']:
    try:
        print('exc', c, '->', repr(eval(c)))
    except BaseException as e:
        print('exc', c, '-> raised', type(e).__name__ + ':', e)

n = m.N(5)
proto = [
 'n + 1', '1 + n', 'n + "x"', '"x" + n', 'n - 1', 'n * 2', 'n ** 2', 'pow(n, 2, 3)', 'pow(n, "x")', '-n', '+n', 'abs(n)', '~n', 'n / 0', 'n / "x"', 'n // 1',
 'n[1]', 'n[5]', 'n["a"]', 'n[0:1]', '5 in n', '"x" in n', 'len(n)', 'bool(n)', 'int(n)', 'float(n)', 'n < n',
 'n.dyn_x', 'n.other', 'setattr(n, "v", 3)', 'setattr(n, "w", 3)', 'setattr(n, "v", "x")', 'delattr(n, "v")',
 'n(1)', 'n(1, "b")', 'n(1, b="c")', 'n()', 'n(1, 2)', 'n(a=1, c=2)', 'list(m.N(3))', 'next(m.N(0))',
 'm.take_n(n, m_c, {})', 'm.take_n(1, m_c, {})', 'm.take_n(n, n, {})', 'm.take_n(n, m_c, [])',
]
proto += ['setattr(m.O(), "a", 1)', 'delattr(m.O(), "a")', 'm.O()[1]', 'm.O().__setitem__(1, 2)', 'o_del()', 'm.O().__delitem__(1)']
proto += ['q_set()', 'q_del()', 'q_delattr("p")', 'q_delattr("zz")']
def q_set():
    q = m.Q()
    q[0] = 1
def q_del():
    q = m.Q()
    del q[4]
    return q.p
def q_delattr(name):
    q = m.Q()
    q.p = 3
    delattr(q, name)
def o_del():
    o = m.O()
    del o[1]
for c in proto:
    try:
        n = m.N(5)
        print('proto', c, '->', repr(eval(c)))
    except BaseException as e:
        print('proto', c, '-> raised', type(e).__name__ + ':', e)
class P:
    x = 1
    def __getitem__(self, k):
        if k == 'y':
            return 2
        raise KeyError(k)
class Named:
    name = 'nm'
class Raising:
    b = 5
    @property
    def a(self):
        raise ValueError('a broke')
    def __getitem__(self, k):
        raise ValueError('item broke')
class Fine:
    b = 6
    a = 1
    def __getitem__(self, k):
        return 2
derives = [
 ('Defaults', 'Raising()'), ('Defaults', 'Fine()'), ('Defaults', '{}'), ('Defaults', '1'),
 ('Point', 'P()'), ('Point', '1'), ('Point', '{"y": 1}'),
 ('Shape', '1'), ('Shape', '(1, 2)'), ('Shape', 'Named()'), ('Shape', '"txt"'), ('Shape', '1.5'), ('Shape', '(1, "a")'),
 ('Wrapper', 'b"ab"'), ('Wrapper', '"ab"'), ('Wrapper', '[1, 300]'),
 ('TupleStruct', '(1, "a")'), ('TupleStruct', '(1, 2)'), ('TupleStruct', '(1,)'), ('TupleStruct', '[1, "a"]'),
 ('WithAttrs', '1.5'), ('WithAttrs', '"x"'),
]
for k, v in derives:
    try:
        print('derive', k, v, '->', m.derive(k, eval(v)))
    except BaseException as e:
        print('derive', k, v, '-> raised', type(e).__name__ + ':', e)

class Sub3(m.Ord3):
    def __init__(self, v):
        self.extra = v
class BadStr:
    def __str__(self):
        raise ValueError('no str')
    def __repr__(self):
        raise ValueError('no repr')
more2 = [
 'm.Ord3(1) < m.Ord3(2)', 'm.Ord3(1) < 1', 'm.Ord3(1) == 1', 'm.Ord3(1) != m.Ord3(1)', 'hash(m.Ord3(1)) == hash(m.Ord3(1))', 'str(m.Ord3(3))', 'repr(m.Ord3(3))', 'm.Ord3.zero', 'm.Ord3(1).v',
 'sorted([m.Ord3(2), m.Ord3(1)])[0].v', 'Sub3(4).v', 'Sub3(4).extra', 'type(Sub3(4)).__mro__', 'Sub3(1) == m.Ord3(1)', 'setattr(m.Ord3(1), "v", 2)',
 'm.RichError(3)', 'str(m.RichError(3))', 'repr(m.RichError(3))', 'm.RichError(3).code', 'm.RichError(3).args', 'raise_rich()', 'm.RichError.__mro__',
 'm.Renamed()', 'm.Renamed().someField', 'm.Renamed().otherField', 'setattr(m.Renamed(), "someField", 5)', 'm.Renamed(someField=2).someField', 'm.Renamed.__module__', 'm.Renamed.__qualname__',
 'repr(m.Renamed())', 'm.Renamed.thing.__text_signature__', 'm.Renamed.thing.__doc__', 'm.Renamed.documented.__doc__', 'm.Renamed.documented.__text_signature__', 'm.Renamed.__text_signature__',
 'm.fmt_obj(1)', 'm.fmt_obj("s")', 'm.fmt_obj(BadStr())', 'm.fmt_obj(None)',
]
def raise_rich():
    raise m.RichError(5)
for c in more2:
    try:
        print('more2', c, '->', repr(eval(c)))
    except BaseException as e:
        print('more2', c, '-> raised', type(e).__name__ + ':', e)
for i in range(23):
    print('std_err', i, '->', m.std_err(i))

class WithFloat:
    def __float__(self):
        return 2.5
class WithIndex:
    def __index__(self):
        return 7
class WithInt:
    def __int__(self):
        return 8
class WithBool:
    def __bool__(self):
        raise ValueError('no bool')
apis = [
 ('list_get', '[1]'), ('list_set', '[1]'), ('list_del', '[1]'), ('list_insert', '[1]'), ('tuple_get', '(1,)'), ('dict_get', '{}'), ('dict_set', '{}'), ('dict_del', '{}'), ('dict_contains', '{}'),
 ('seq_cast', '{}'), ('seq_cast', '"ab"'), ('seq_cast', 'set()'), ('seq_get', '[1]'), ('call_method', '1'), ('str_to_str', '"\\ud800"'), ('str_lossy', '"a\\ud800b"'), ('str_cow', '"\\ud800"'),
 ('bool', 'WithBool()'), ('bool', '0'), ('f64', 'WithFloat()'), ('f64', 'WithIndex()'), ('f64', 'WithInt()'), ('f64', '10**400'), ('i64', 'WithIndex()'), ('i64', 'WithInt()'), ('i64', 'WithFloat()'), ('i64', 'True'),
 ('is_truthy', 'WithBool()'), ('iter_next', '[]'), ('iter_next', '"ab"'), ('setattr', '1'), ('delattr', '1'), ('set_item', '()'), ('del_item', '"s"'), ('contains', '1'), ('index', '[1]'),
 ('richcmp', '"a"'), ('repr_err', 'BadStr()'), ('str_err', 'BadStr()'), ('hash', '{}'), ('get_type_name', 'm_c'), ('qualname', 'm.CE.S(x=1)'), ('fully_qualified', 'm.CE.S(x=1)'), ('fully_qualified', '1'),
 ('module', 'm_c'), ('module', 'm.Renamed()'), ('get_type_name', 'm.CE.S(x=1)'),
]
for k, v in apis:
    try:
        print('api', k, v, '->', m.api(k, eval(v)))
    except BaseException as e:
        print('api', k, v, '-> raised', type(e).__name__ + ':', e)

import gc
panics = ['m.panic_any_payload(0)', 'm.panic_any_payload(1)', 'm.panic_any_payload(2)', 'repr(m.Panicky())', 'len(m.Panicky())', 'm.chained()']
for c in panics:
    try:
        print('panic', c, '->', repr(eval(c)))
    except BaseException as e:
        print('panic', c, '-> raised', type(e).__module__, type(e).__name__ + ':', e, repr(e.args), 'cause:', repr(e.__cause__), 'ctx:', repr(e.__context__))
seen = []
old_hook = sys.unraisablehook
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, str(u.exc_value), u.err_msg, repr(u.object)[:40]))
d = m.DropPanics()
del d
gc.collect()
sys.unraisablehook = old_hook
print('drop panic ->', seen)

mods = [
 'm.order.__all__', 'sorted(k for k in vars(m.order) if not k.startswith("__"))',
 'sorted(vars(m))', 'getattr(m, "__all__", None)', 'm.__name__', 'm.decl.__name__', 'sorted(k for k in vars(m.decl) if not k.startswith("__") or k == "__all__")', 'getattr(m.decl, "__all__", None)',
 'm.decl.ANSWER', 'm.decl.added', 'm.decl.inside(3)', 'm.decl.inside.__module__', 'm.decl.Inner.__module__', 'm.decl.Inner.__qualname__', 'repr(m.decl.Inner)', 'm.decl.sub.__name__', 'm.decl.sub.deep()',
 'm.decl.sub.deep.__module__', '"decl" in sys.modules', '"decl.sub" in sys.modules', 'm.decl.__doc__', 'm.decl.__file__ if hasattr(m.decl, "__file__") else "nofile"',
 'm.funcmod.__name__', 'sorted(k for k in vars(m.funcmod) if not k.startswith("__") or k == "__all__")', 'getattr(m.funcmod, "__all__", None)', 'm.funcmod.renamed()', 'm.funcmod.renamed.__name__', 'm.funcmod.renamed.__module__',
 'm.funcmod.child.__name__', 'm.funcmod.child.value', 'm.funcmod.Ord3.__module__', 'm.funcmod.Ord3 is m.Ord3', 'repr(m.funcmod)[:30]', 'repr(m.decl.sub)[:30]',
]
for c in mods:
    try:
        print('mod', c, '->', repr(eval(c)))
    except BaseException as e:
        print('mod', c, '-> raised', type(e).__name__ + ':', e)

import collections.abc, weakref as _wr
class PySub2(m.Sub2):
    pass
more3 = [
 'm.EqOnly(1) == m.EqOnly(1)', 'm.EqOnly(1) == 1', 'm.EqOnly(1) != 1', 'm.EqOnly(1) < m.EqOnly(2)', 'hash(m.EqOnly(1))', 'm.EqOnly.__hash__',
 'len(m.Seq([1, 2]))', 'm.Seq([1, 2])[-1]', 'm.Seq([1, 2])[5]', 'list(m.Seq([1, 2, 3]))', '2 in m.Seq([1, 2])', 'list(reversed(m.Seq([1, 2])))', 'isinstance(m.Seq([]), collections.abc.Sequence)',
 'm.Seq([1])["x"]', 'm.Seq([1, 2])[0:1]', 'bool(m.Seq([]))',
 'len(m.Map())', 'm.Map()["a"]', 'm.Map()["b"]', 'm.Map()[1]', '"a" in m.Map()', 'list(m.Map())', 'isinstance(m.Map(), collections.abc.Mapping)',
 'm.Sub2(1, 2).who()', 'm.Sub2(1, 2).b', 'm.Sub2(1, 2).s', 'm.Sub2(1, 2).base_b()', 'm.Base2.who(m.Sub2(1, 2))', 'm.Sub2.__mro__', 'm.Sub2(1)', 'PySub2(1, 2).s', 'type(PySub2(1, 2)).__mro__',
 'setattr(m.Base2(1), "z", 5)', 'm.Base2(1).__dict__', '_wr.ref(m.Base2(1)) is not None', 'm.Sub2(1, 2).__dict__', 'isinstance(m.Sub2(1, 2), m.Base2)', 'm.Sub2.__base__',
 'm.Base2(1) == m.Base2(1)', 'hash(m.Base2(1)) != 0', 'str(m.Base2(3))[:20]',
]
for c in more3:
    try:
        print('more3', c, '->', repr(eval(c)))
    except BaseException as e:
        print('more3', c, '-> raised', type(e).__name__ + ':', e)
