import Foundation
import VanThuCore

/// The language of this process's help and messages, read once: `VANTHU_LANG`, else the
/// configuration file's `language`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`);
/// Vietnamese unless one of them says English.
let processLanguage = Language.fromEnvironment(ProcessSettings.languageEnvironment)

/// A text of the command line in the clerk's language, both written side by side where it is
/// used: `tr("Đăng ký văn bản đến.", en: "Register incoming documents.")`.
func tr(_ vietnamese: String, en english: String) -> String {
    processLanguage == .en ? english : vietnamese
}
