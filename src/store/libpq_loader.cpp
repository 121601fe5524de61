// (Documented in libpq_loader.hpp.) Each definition below has the exact signature of its
// declaration in libpq-fe.h, which the compiler checks; its body calls libpq.so.5's own.
#include "store/libpq_loader.hpp"

#include <libpq-fe.h>

#include "base/shared_library.hpp"

namespace peermap::store::sql {

namespace {

const SharedLibrary& libpq() {
  static const SharedLibrary library("libpq.so.5", "libpq5");
  return library;
}

}  // namespace

Status load_libpq() {
  if (auto status = libpq().load(); !status)
    return Error{ErrorKind::Io, "postgresql: " + status.error().message};
  return ok_status();
}

}  // namespace peermap::store::sql

// Each forwarder finds libpq's function once (a function-local static: thread-safe).
#define PEERMAP_LIBPQ(name)                                                                       \
  ([] {                                                                                           \
    static const auto function = peermap::store::sql::libpq().function<decltype(&::name)>(#name); \
    return function;                                                                              \
  }())

extern "C" {

PGconn* PQconnectdb(const char* conninfo) { return PEERMAP_LIBPQ(PQconnectdb)(conninfo); }
void PQfinish(PGconn* conn) { PEERMAP_LIBPQ(PQfinish)(conn); }
PQconninfoOption* PQconninfoParse(const char* conninfo, char** errmsg) {
  return PEERMAP_LIBPQ(PQconninfoParse)(conninfo, errmsg);
}
void PQconninfoFree(PQconninfoOption* connOptions) { PEERMAP_LIBPQ(PQconninfoFree)(connOptions); }
ConnStatusType PQstatus(const PGconn* conn) { return PEERMAP_LIBPQ(PQstatus)(conn); }
PGTransactionStatusType PQtransactionStatus(const PGconn* conn) {
  return PEERMAP_LIBPQ(PQtransactionStatus)(conn);
}
char* PQerrorMessage(const PGconn* conn) { return PEERMAP_LIBPQ(PQerrorMessage)(conn); }
int PQsocket(const PGconn* conn) { return PEERMAP_LIBPQ(PQsocket)(conn); }
int PQsetClientEncoding(PGconn* conn, const char* encoding) {
  return PEERMAP_LIBPQ(PQsetClientEncoding)(conn, encoding);
}
PQnoticeProcessor PQsetNoticeProcessor(PGconn* conn, PQnoticeProcessor proc, void* arg) {
  return PEERMAP_LIBPQ(PQsetNoticeProcessor)(conn, proc, arg);
}
PGresult* PQexec(PGconn* conn, const char* query) { return PEERMAP_LIBPQ(PQexec)(conn, query); }
PGresult* PQexecParams(PGconn* conn, const char* command, int nParams, const Oid* paramTypes,
                       const char* const* paramValues, const int* paramLengths,
                       const int* paramFormats, int resultFormat) {
  return PEERMAP_LIBPQ(PQexecParams)(conn, command, nParams, paramTypes, paramValues, paramLengths,
                                     paramFormats, resultFormat);
}
int PQconsumeInput(PGconn* conn) { return PEERMAP_LIBPQ(PQconsumeInput)(conn); }
PGnotify* PQnotifies(PGconn* conn) { return PEERMAP_LIBPQ(PQnotifies)(conn); }
ExecStatusType PQresultStatus(const PGresult* res) { return PEERMAP_LIBPQ(PQresultStatus)(res); }
char* PQresultErrorField(const PGresult* res, int fieldcode) {
  return PEERMAP_LIBPQ(PQresultErrorField)(res, fieldcode);
}
int PQntuples(const PGresult* res) { return PEERMAP_LIBPQ(PQntuples)(res); }
int PQnfields(const PGresult* res) { return PEERMAP_LIBPQ(PQnfields)(res); }
Oid PQftype(const PGresult* res, int field_num) { return PEERMAP_LIBPQ(PQftype)(res, field_num); }
char* PQcmdTuples(PGresult* res) { return PEERMAP_LIBPQ(PQcmdTuples)(res); }
char* PQgetvalue(const PGresult* res, int tup_num, int field_num) {
  return PEERMAP_LIBPQ(PQgetvalue)(res, tup_num, field_num);
}
int PQgetlength(const PGresult* res, int tup_num, int field_num) {
  return PEERMAP_LIBPQ(PQgetlength)(res, tup_num, field_num);
}
int PQgetisnull(const PGresult* res, int tup_num, int field_num) {
  return PEERMAP_LIBPQ(PQgetisnull)(res, tup_num, field_num);
}
void PQclear(PGresult* res) { PEERMAP_LIBPQ(PQclear)(res); }
void PQfreemem(void* ptr) { PEERMAP_LIBPQ(PQfreemem)(ptr); }

}  // extern "C"
