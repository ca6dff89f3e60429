// `?lite=1` turns off costly effects for software WebGL (tests, thin clients); see shared notes.
export const LITE = new URLSearchParams(window.location.search).get('lite') === '1';
