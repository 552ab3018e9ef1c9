# Installation (FHS) and the Debian package: `make install`, `make deb`.
# A service installs under /usr with its settings in /etc and its data in
# /var/lib, so the prefix defaults to /usr rather than CMake's /usr/local;
# GNUInstallDirs then puts sysconfdir and localstatedir at /etc and /var.
include(GNUInstallDirs)
# `make install` / `make deb` build what they need first (Makefile); without
# this, cpack's preinstall step builds every test executable as well.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY ON)

install(TARGETS chibo RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${CMAKE_SOURCE_DIR}/rules/ DESTINATION ${CMAKE_INSTALL_DATADIR}/chibo/rules
        FILES_MATCHING PATTERN "*.json")
# The web app is built by npm (make web); a package without it would serve
# only the API, so `make deb` builds it first. OPTIONAL keeps a server-only
# `cmake --install` working.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/web/dist/ DESTINATION ${CMAKE_INSTALL_DATADIR}/chibo/web OPTIONAL)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/chibo.ini DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/chibo)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/chibo.service ${CMAKE_SOURCE_DIR}/packaging/chibo-backup.service
              ${CMAKE_SOURCE_DIR}/packaging/chibo-backup.timer
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_SOURCE_DIR}/docs/operations.md DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(DIRECTORY DESTINATION ${CMAKE_INSTALL_FULL_LOCALSTATEDIR}/lib/chibo)

set(CPACK_PACKAGE_NAME chibo)
set(CPACK_PACKAGE_VERSION "0.1.0")
set(CPACK_PACKAGE_CONTACT "Văn phòng CNTT <cntt@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Quản lý sinh hoạt chi bộ (máy chủ web)")
set(CPACK_PACKAGE_FILE_NAME "chibo_${CPACK_PACKAGE_VERSION}_amd64")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_PACKAGE_SECTION web)
set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE amd64)
# Shared-library dependencies from the binary itself (dpkg-shlibdeps), plus
# what the maintainer scripts call.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "adduser, systemd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_SOURCE_DIR}/packaging/conffiles ${CMAKE_SOURCE_DIR}/packaging/postinst
    ${CMAKE_SOURCE_DIR}/packaging/prerm ${CMAKE_SOURCE_DIR}/packaging/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
include(CPack)
