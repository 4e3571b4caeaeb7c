import { USER_AGREEMENT } from '../../../../shared/domain/privacy'
import { LegalDoc } from '../components/legal-doc'

export default function TermsPage() {
  return <LegalDoc doc={USER_AGREEMENT} testId="terms" />
}
