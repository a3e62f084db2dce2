; Binette's Windows installer (NSIS 3, built on Linux by packaging/build-all.sh):
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DEXE=/abs/binette.exe \
;            -DICON=/abs/binette.ico -DOUTFILE=/abs/Binette-0.1.0-installation.exe binette.nsi
;
; Installs for the current user only (no administrator rights, no UAC prompt) into
; %LOCALAPPDATA%\Programs\Binette, with a Start-menu and a desktop shortcut, and an
; uninstaller listed in Settings > Applications. The uninstaller removes the program only:
; the garden's data (%APPDATA%\Cocagne\Binette\data) is never touched.

; 64-bit installer for a 64-bit program (and it runs under wine64 for the smoke test).
Target amd64-unicode
SetCompressor /SOLID lzma

!ifndef VERSION
  !error "VERSION manquant : makensis -DVERSION=x.y.z"
!endif
!ifndef EXE
  !error "EXE manquant : chemin de binette.exe"
!endif
!ifndef ICON
  !error "ICON manquant : chemin de binette.ico"
!endif
!ifndef OUTFILE
  !define OUTFILE "Binette-${VERSION}-installation.exe"
!endif

!define APP "Binette"
!define PUBLISHER "Cocagne"
!define UNINSTALLER "desinstaller-binette.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Binette"
!define SETTINGS_KEY "Software\Cocagne\Binette"

!include "MUI2.nsh"
!include "FileFunc.nsh"

Name "${APP} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Binette"
InstallDirRegKey HKCU "${SETTINGS_KEY}" "InstallDir"
ShowInstDetails nevershow
ShowUninstDetails nevershow
BrandingText "${APP} ${VERSION}"

; Version information of the installer itself (Explorer > Properties > Details).
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=1036 "ProductName" "${APP}"
VIAddVersionKey /LANG=1036 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1036 "FileDescription" "Installation de Binette"
VIAddVersionKey /LANG=1036 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1036 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "Cet assistant va installer Binette ${VERSION}, le bureau du jardin d'insertion.$\r$\n$\r$\nAucune connexion à Internet n'est nécessaire, et il n'est pas besoin d'être administrateur du PC.$\r$\n$\r$\nSi Binette est ouvert, fermez-le avant de continuer. Vos données sont conservées."
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\binette.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Lancer Binette maintenant"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "Binette va être retiré de ce PC. Les données du jardin (dossier %APPDATA%\Cocagne\Binette) et les sauvegardes ne sont PAS supprimées : une réinstallation les retrouvera."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "French"

Section "Binette" SecMain
  SectionIn RO
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=binette.exe" "${EXE}"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  ; Shortcuts start in the install folder and show the icon embedded in binette.exe.
  CreateShortcut "$SMPROGRAMS\Binette.lnk" "$INSTDIR\binette.exe" "" "$INSTDIR\binette.exe" 0 SW_SHOWNORMAL "" "Le bureau du jardin d'insertion"
  CreateShortcut "$DESKTOP\Binette.lnk" "$INSTDIR\binette.exe" "" "$INSTDIR\binette.exe" 0 SW_SHOWNORMAL "" "Le bureau du jardin d'insertion"

  WriteRegStr HKCU "${SETTINGS_KEY}" "InstallDir" "$INSTDIR"
  ; The entry of Settings > Applications (and the old "Programs and Features").
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$\"$INSTDIR\binette.exe$\",0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" "$\"$INSTDIR\${UNINSTALLER}$\""
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" "$\"$INSTDIR\${UNINSTALLER}$\" /S"
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

; Removes the program, its shortcuts and its registry entries; never the user's data.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Binette.lnk"
  Delete "$DESKTOP\Binette.lnk"
  Delete "$INSTDIR\binette.exe"
  Delete "$INSTDIR\${UNINSTALLER}"
  ; Not /r: only an emptied install folder goes, whatever the user put in it stays.
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegValue HKCU "${SETTINGS_KEY}" "InstallDir"
  DeleteRegKey /ifempty HKCU "${SETTINGS_KEY}"
  DeleteRegKey /ifempty HKCU "Software\Cocagne"
SectionEnd
