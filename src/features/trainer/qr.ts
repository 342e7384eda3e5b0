/**
 * A QR code (of an assignment link or a result code) as an accessible image, drawn on first use:
 * uqr loads then. uqr writes the SVG markup from the modules alone (no text of
 * ours goes into it), and it is parsed as SVG, never as HTML.
 */
export async function qrCode(data: string, label: string): Promise<SVGSVGElement> {
  const { renderSVG } = await import('uqr');
  const markup = renderSVG(data, { ecc: 'M', border: 2 });
  const doc = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.classList.add('qr');
  const title = document.createElementNS('http://www.w3.org/2000/svg', 'title');
  title.textContent = label;
  svg.prepend(title);
  return svg;
}
