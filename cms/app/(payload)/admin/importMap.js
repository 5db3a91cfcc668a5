import { InviteHealthVisitor as InviteHealthVisitor_7c51035a65fa1a5f689b9297335ef8a2 } from '../../../components/InviteHealthVisitor'
import { SourceText as SourceText_4b61394596517d44d25d8ca85e1c6685 } from '../../../components/SourceText'
import { TranslationPanel as TranslationPanel_eab170317fbe28653a975ef4f11af82e } from '../../../components/TranslationPanel'
import { TranslationBadges as TranslationBadges_4b97e8b4e63498d01e687b13e50d2994 } from '../../../components/TranslationBadges'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { PersonData as PersonData_ae9a70d900f7689c68b18a70326975a3 } from '../../../components/PersonData'
import { TranslationsNavLink as TranslationsNavLink_810309e5c1498fde295a36d24177a1c1 } from '../../../components/TranslationsNavLink'
import { PublishStatus as PublishStatus_e61aa713f90427bc433a3057c9eea946 } from '../../../components/PublishStatus'
import { OverdueReferrals as OverdueReferrals_615a32f8044491b61844df2e5e004966 } from '../../../components/OverdueReferrals'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { TranslationDashboard as TranslationDashboard_ead0c668b824ecb46d7d4e9284f440bc } from '../../../components/TranslationDashboard'
import { MyTranslations as MyTranslations_baa24dc95b045b43ac8a41725733d0bd } from '../../../components/MyTranslations'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/InviteHealthVisitor#InviteHealthVisitor": InviteHealthVisitor_7c51035a65fa1a5f689b9297335ef8a2,
  "/components/SourceText#SourceText": SourceText_4b61394596517d44d25d8ca85e1c6685,
  "/components/TranslationPanel#TranslationPanel": TranslationPanel_eab170317fbe28653a975ef4f11af82e,
  "/components/TranslationBadges#TranslationBadges": TranslationBadges_4b97e8b4e63498d01e687b13e50d2994,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/PersonData#PersonData": PersonData_ae9a70d900f7689c68b18a70326975a3,
  "/components/TranslationsNavLink#TranslationsNavLink": TranslationsNavLink_810309e5c1498fde295a36d24177a1c1,
  "/components/PublishStatus#PublishStatus": PublishStatus_e61aa713f90427bc433a3057c9eea946,
  "/components/OverdueReferrals#OverdueReferrals": OverdueReferrals_615a32f8044491b61844df2e5e004966,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/TranslationDashboard#TranslationDashboard": TranslationDashboard_ead0c668b824ecb46d7d4e9284f440bc,
  "/components/MyTranslations#MyTranslations": MyTranslations_baa24dc95b045b43ac8a41725733d0bd,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
