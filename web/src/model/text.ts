// User strings are shown as text nodes only; this also makes their invisible direction
// controls visible, so a name like "Noor \u202Egnp.exe\u202C" cannot pose as another text
// (an RTL override reverses what follows it on screen).
const directionControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function shown(text: string | undefined): string {
  if (!text) return '';
  return text.replace(directionControls, (c) => `[U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}]`);
}
