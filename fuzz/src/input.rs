//! Fuzzer bytes -> Python objects. Each object starts with a tag byte choosing its kind; the
//! bytes after it give its contents. Exhausted input reads as zeros, so every byte string
//! decodes to some object and small inputs give small objects.

use pyo3::prelude::*;
use pyo3::types::{
    PyByteArray, PyBytes, PyComplex, PyDict, PyFloat, PyFrozenSet, PyList, PySet, PyString, PyTuple,
};

use crate::support::call;

/// Nesting limit, so that a short input cannot ask for an unbounded structure.
const MAX_DEPTH: u32 = 4;
/// Longest collection or string one length byte can ask for.
const MAX_LEN: usize = 8;

/// A cursor over the fuzzer's bytes.
pub struct Input<'a> {
    data: &'a [u8],
}

impl<'a> Input<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Self { data }
    }

    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    pub fn byte(&mut self) -> u8 {
        match self.data.split_first() {
            Some((&b, rest)) => {
                self.data = rest;
                b
            }
            None => 0,
        }
    }

    pub fn bytes(&mut self, n: usize) -> &'a [u8] {
        let n = n.min(self.data.len());
        let (head, rest) = self.data.split_at(n);
        self.data = rest;
        head
    }

    pub fn len(&mut self) -> usize {
        self.byte() as usize % (MAX_LEN + 1)
    }

    fn text(&mut self) -> String {
        let n = self.len() * 2;
        String::from_utf8_lossy(self.bytes(n)).into_owned()
    }

    /// A Python object of any kind the decoder knows.
    pub fn object<'py>(&mut self, py: Python<'py>, depth: u32) -> Bound<'py, PyAny> {
        let tag = self.byte();
        // Past the depth limit only the scalar kinds (tags below 12) are built.
        let tag = if depth >= MAX_DEPTH {
            tag % 12
        } else {
            tag % 20
        };
        match tag {
            0 => py.None().into_bound(py),
            1 => pyo3::types::PyBool::new(py, self.byte() & 1 == 1)
                .to_owned()
                .into_any(),
            2 => (self.byte() as i8).into_pyobject(py).unwrap().into_any(),
            3 | 4 => self.int(py),
            5 => {
                let bits = u64::from_le_bytes(self.array());
                PyFloat::new(py, f64::from_bits(bits)).into_any()
            }
            6 => PyString::new(py, &self.text()).into_any(),
            7 => {
                let text = self.text();
                call(py, "with_surrogate", (text, self.byte()))
            }
            8 => {
                let n = self.len() * 2;
                PyBytes::new(py, self.bytes(n)).into_any()
            }
            9 => {
                let n = self.len();
                PyByteArray::new(py, self.bytes(n)).into_any()
            }
            10 => self.special_int(py),
            11 => {
                let text = self.text();
                call(py, "StrSub", (text,))
            }
            12 => PyList::new(py, self.items(py, depth)).unwrap().into_any(),
            13 | 14 => PyTuple::new(py, self.items(py, depth)).unwrap().into_any(),
            15 | 16 => self.dict(py, depth).into_any(),
            // Unhashable items make set construction fail; those inputs give an empty set.
            17 => PySet::new(py, self.items(py, depth))
                .unwrap_or_else(|_| PySet::empty(py).unwrap())
                .into_any(),
            18 => {
                let items = PyList::new(py, self.items(py, depth)).unwrap();
                let fail_at = self.byte() as usize % (items.len() + 2);
                call(py, "FailingSeq", (items, fail_at))
            }
            _ => match self.byte() % 3 {
                0 => PyFrozenSet::new(py, self.items(py, depth))
                    .unwrap_or_else(|_| PyFrozenSet::empty(py).unwrap())
                    .into_any(),
                1 => {
                    let [re, im]: [[u8; 8]; 2] = [self.array(), self.array()];
                    let (re, im) = (f64::from_le_bytes(re), f64::from_le_bytes(im));
                    PyComplex::from_doubles(py, re, im).into_any()
                }
                _ => {
                    let d = self.dict(py, depth);
                    call(py, "Attrs", (d,))
                }
            },
        }
    }

    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let src = self.bytes(N);
        out[..src.len()].copy_from_slice(src);
        out
    }

    /// An int of up to 32 bytes (well past the 128-bit types), signed or not.
    pub fn int<'py>(&mut self, py: Python<'py>) -> Bound<'py, PyAny> {
        let flags = self.byte();
        let n = flags as usize % 33;
        let data = PyBytes::new(py, self.bytes(n));
        call(py, "big_int", (data, flags & 0x80 != 0))
    }

    /// Int-like objects that are not plain ints: subclasses, __index__ implementations (good,
    /// raising, returning a non-int) and bools.
    fn special_int<'py>(&mut self, py: Python<'py>) -> Bound<'py, PyAny> {
        match self.byte() % 4 {
            0 => {
                let v = self.int(py);
                call(py, "IntSub", (v,))
            }
            1 => {
                let v = self.int(py);
                call(py, "Index", (v,))
            }
            2 => call(py, "BadIndex", ()),
            _ => call(py, "WrongIndex", ()),
        }
    }

    fn items<'py>(&mut self, py: Python<'py>, depth: u32) -> Vec<Bound<'py, PyAny>> {
        let n = self.len();
        (0..n).map(|_| self.object(py, depth + 1)).collect()
    }

    /// A dict; half the keys come from a few fixed names so that structured extraction (the
    /// derive targets, keyword arguments) finds the fields it looks for.
    pub fn dict<'py>(&mut self, py: Python<'py>, depth: u32) -> Bound<'py, PyDict> {
        let d = PyDict::new(py);
        for _ in 0..self.len() {
            let key = self.key(py, depth);
            let value = self.object(py, depth + 1);
            // Unhashable keys are skipped: a dict cannot hold them.
            let _ = d.set_item(key, value);
        }
        d
    }

    pub fn key<'py>(&mut self, py: Python<'py>, depth: u32) -> Bound<'py, PyAny> {
        const NAMES: [&str; 9] = ["a", "b", "c", "d", "e", "x", "y", "name", "count"];
        let b = self.byte();
        if b & 1 == 0 {
            PyString::new(py, NAMES[(b as usize >> 1) % NAMES.len()]).into_any()
        } else {
            self.object(py, depth + 1)
        }
    }
}
