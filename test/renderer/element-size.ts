// @tanstack/react-virtual measures its scroll element with clientHeight/clientWidth, which a DOM
// emulator reports as 0 (so it renders no rows). Give every element a window-sized box.
export function stubElementSize(height = 600, width = 360): () => void {
  const proto = HTMLElement.prototype;
  const saved = {
    height: Object.getOwnPropertyDescriptor(proto, 'clientHeight'),
    width: Object.getOwnPropertyDescriptor(proto, 'clientWidth'),
  };
  Object.defineProperty(proto, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(proto, 'clientWidth', { configurable: true, get: () => width });
  return () => {
    if (saved.height) Object.defineProperty(proto, 'clientHeight', saved.height);
    if (saved.width) Object.defineProperty(proto, 'clientWidth', saved.width);
  };
}
