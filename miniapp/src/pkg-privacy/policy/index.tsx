import { PRIVACY_POLICY } from '../../../../shared/domain/privacy'
import { LegalDoc } from '../components/legal-doc'

export default function PolicyPage() {
  return <LegalDoc doc={PRIVACY_POLICY} testId="policy" />
}
