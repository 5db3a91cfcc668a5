/** QR codes for short URLs: error correction Q (survives a crease or a stain), quiet zone 4 modules. */
import QRCode from 'qrcode'

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'Q', margin: 4, color: { dark: '#000000', light: '#ffffff' } })
}
